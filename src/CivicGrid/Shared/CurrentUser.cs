using System.Security.Claims;

namespace CivicGrid.Shared;

/// <summary>
/// The caller, read from the claims written at sign-in (see AccountClaimsFactory). It reads the principal each time it
/// is asked, not once: services built early in a request (e.g. by the cookie's security-stamp check, before the
/// principal is set) must not fix the caller as anonymous for the rest of it.
/// </summary>
public sealed class CurrentUser(Func<ClaimsPrincipal> principal)
{
    public const string PermissionClaim = "cg:perm";
    public const string AreaScopeClaim = "cg:scope:area";
    public const string UnitScopeClaim = "cg:scope:unit";
    public const string SelfScopeClaim = "cg:scope:self";
    public const string DisplayNameClaim = "cg:name";

    ClaimsPrincipal? _read;
    Claims _claims = Claims.Anonymous;

    public CurrentUser(ClaimsPrincipal principal) : this(() => principal) { }

    public Guid? Id => Current.Id;
    public string UserName => Current.UserName;
    public string DisplayName => Current.DisplayName;
    public bool IsAuthenticated => Current.Id is not null;
    public IReadOnlySet<string> Permissions => Current.Permissions;
    public DataScope Scope => Current.Scope;

    public bool Can(string permission) => Current.Permissions.Contains(permission);

    Claims Current
    {
        get
        {
            var now = principal();
            if (!ReferenceEquals(now, _read)) (_claims, _read) = (Claims.Of(now), now);
            return _claims;
        }
    }

    sealed record Claims(Guid? Id, string UserName, string DisplayName, IReadOnlySet<string> Permissions, DataScope Scope)
    {
        public static readonly Claims Anonymous = new(null, "", "", new HashSet<string>(), DataScope.Nothing);

        public static Claims Of(ClaimsPrincipal p)
        {
            var idText = p.FindFirstValue(ClaimTypes.NameIdentifier);
            if (p.Identity?.IsAuthenticated != true || !Guid.TryParse(idText, out var id)) return Anonymous;
            var name = p.Identity.Name ?? "";
            var permissions = p.FindAll(PermissionClaim).Select(c => c.Value).ToHashSet();
            var scope = p.IsInRole("admin")
                ? DataScope.Unrestricted
                : DataScope.For(
                    p.FindAll(AreaScopeClaim).Select(c => c.Value),
                    p.FindAll(UnitScopeClaim).Select(c => Guid.Parse(c.Value)),
                    Guid.TryParse(p.FindFirstValue(SelfScopeClaim), out var r) ? r : null,
                    id);
            return new Claims(id, name, p.FindFirstValue(DisplayNameClaim) ?? name, permissions, scope);
        }
    }
}
