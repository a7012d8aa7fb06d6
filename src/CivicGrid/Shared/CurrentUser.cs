using System.Security.Claims;

namespace CivicGrid.Shared;

/// <summary>The caller of this request, read from the claims written at sign-in (see AccountClaimsFactory).</summary>
public sealed class CurrentUser
{
    public const string PermissionClaim = "cg:perm";
    public const string AreaScopeClaim = "cg:scope:area";
    public const string UnitScopeClaim = "cg:scope:unit";
    public const string SelfScopeClaim = "cg:scope:self";
    public const string DisplayNameClaim = "cg:name";

    public Guid? Id { get; }
    public string UserName { get; }
    public string DisplayName { get; }
    public bool IsAuthenticated => Id is not null;
    public IReadOnlySet<string> Permissions { get; }
    public DataScope Scope { get; }

    public CurrentUser(ClaimsPrincipal principal)
    {
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        Id = principal.Identity?.IsAuthenticated == true && Guid.TryParse(id, out var g) ? g : null;
        UserName = principal.Identity?.Name ?? "";
        DisplayName = principal.FindFirstValue(DisplayNameClaim) ?? UserName;
        Permissions = principal.FindAll(PermissionClaim).Select(c => c.Value).ToHashSet();
        if (Id is null) { Scope = DataScope.Nothing; return; }
        if (principal.IsInRole("admin")) { Scope = DataScope.Unrestricted; return; }
        Scope = DataScope.For(
            principal.FindAll(AreaScopeClaim).Select(c => c.Value),
            principal.FindAll(UnitScopeClaim).Select(c => Guid.Parse(c.Value)),
            Guid.TryParse(principal.FindFirstValue(SelfScopeClaim), out var r) ? r : null);
    }

    public bool Can(string permission) => Permissions.Contains(permission);
}
