using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Modules.Identity.Domain;

/// <summary>A person's sign-in account. Passwords only through Identity's hasher.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public bool Disabled { get; set; }
    public List<AccountScope> Scopes { get; set; } = [];
}

public sealed class AccountRole : IdentityRole<Guid>
{
    public AccountRole() { }
    public AccountRole(string name) : base(name) { }
}

public enum ScopeKind { Area = 1, Unit = 2, Self = 3 }

/// <summary>
/// What an account may reach (DOMAIN.md §1 "data scope"): an area node and its subtree, a unit (a department
/// sees what is assigned to it), or — for residents — only their own record.
/// </summary>
public sealed class AccountScope
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public ScopeKind Kind { get; set; }
    /// <summary>Full area code for <see cref="ScopeKind.Area"/>.</summary>
    public string? AreaCode { get; set; }
    /// <summary>Organisation id for <see cref="ScopeKind.Unit"/>.</summary>
    public Guid? UnitId { get; set; }
    /// <summary>Resident id for <see cref="ScopeKind.Self"/>.</summary>
    public Guid? ResidentId { get; set; }
}
