using System.Security.Claims;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicGrid.Modules.Identity;

/// <summary>Writes permissions and scope into the sign-in principal (cookie or bearer token), so no request re-reads them.</summary>
sealed class AccountClaimsFactory(
    UserManager<Account> users, RoleManager<AccountRole> roles, IOptions<IdentityOptions> options, CivicGridDbContext db)
    : UserClaimsPrincipalFactory<Account, AccountRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.DisplayNameClaim, user.DisplayName));
        var roleNames = await UserManager.GetRolesAsync(user);
        foreach (var permission in roleNames.SelectMany(r => Roles.Find(r)?.Permissions ?? []).Distinct())
            identity.AddClaim(new Claim(CurrentUser.PermissionClaim, permission));

        var scopes = await db.AccountScopes.AsNoTracking().Where(s => s.AccountId == user.Id).ToListAsync();
        foreach (var s in scopes)
        {
            if (s.Kind == ScopeKind.Area && AreaCode.TryParse(s.AreaCode, out var code))
                identity.AddClaim(new Claim(CurrentUser.AreaScopeClaim, code.Prefix));
            else if (s.Kind == ScopeKind.Unit && s.UnitId is { } unit)
                identity.AddClaim(new Claim(CurrentUser.UnitScopeClaim, unit.ToString()));
            else if (s.Kind == ScopeKind.Self && s.ResidentId is { } resident)
                identity.AddClaim(new Claim(CurrentUser.SelfScopeClaim, resident.ToString()));
        }
        return identity;
    }
}
