using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Identity.Features;

/// <summary>Admin: list accounts, create one with roles and scopes, change its roles and scopes, disable or unlock it.</summary>
public static class ManageAccounts
{
    public sealed record ScopeDto(ScopeKind Kind, string? AreaCode, Guid? UnitId, Guid? ResidentId);
    public sealed record AccountDto(Guid Id, string UserName, string DisplayName, string[] Roles, ScopeDto[] Scopes, bool Disabled, bool LockedOut);
    public sealed record CreateRequest(string UserName, string DisplayName, string Password, string[] Roles, ScopeDto[] Scopes);
    public sealed record AccessRequest(string[] Roles, ScopeDto[] Scopes, bool Disabled);

    public static readonly Error UnknownRole = Error.Validation("account.role_unknown", "未知的角色。");
    public static readonly Error BadScope = Error.Validation("account.scope_invalid", "数据范围不正确：区划范围须填写有效区划代码，单位范围须填写单位，本人范围须填写居民。");
    public static readonly Error UserNameTaken = Error.Conflict("account.username_taken", "用户名已存在。");
    public static readonly Error PasswordRejected = Error.Validation("account.password_rejected", "密码不符合要求（至少8位，含数字和小写字母）。");

    public static void Map(RouteGroupBuilder accounts)
    {
        accounts.MapGet("/", List);
        accounts.MapPost("/", Create);
        accounts.MapPut("/{id:guid}/access", SetAccess);
        accounts.MapPost("/{id:guid}/unlock", Unlock);
        accounts.MapGet("/roles", () => Roles.Definitions);
    }

    internal static async Task<Paged<AccountDto>> List(string? q, int? page, int? pageSize, CivicGridDbContext db, UserManager<Account> users, CancellationToken ct)
    {
        var query = db.Users.AsNoTracking().Include(a => a.Scopes).OrderBy(a => a.UserName).AsQueryable();
        if (!string.IsNullOrWhiteSpace(q)) query = query.Where(a => a.UserName!.Contains(q) || a.DisplayName.Contains(q));
        var paging = Paging.Of(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                              where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        return new Paged<AccountDto>(total, paging.Page, paging.Size, rows.Select(a => new AccountDto(
            a.Id, a.UserName!, a.DisplayName,
            roleRows.Where(r => r.UserId == a.Id).Select(r => r.Name!).ToArray(),
            a.Scopes.Select(s => new ScopeDto(s.Kind, s.AreaCode, s.UnitId, s.ResidentId)).ToArray(),
            a.Disabled, a.LockoutEnd > DateTimeOffset.UtcNow)).ToList());
    }

    internal static async Task<Results<Created<Guid>, ProblemHttpResult>> Create(CreateRequest request, CivicGridDbContext db, UserManager<Account> users)
    {
        if (Validate(request.Roles, request.Scopes) is { } invalid) return invalid.ToProblem();
        if (await users.FindByNameAsync(request.UserName) is not null) return UserNameTaken.ToProblem();
        await using var tx = await db.Database.BeginTransactionAsync();
        var account = new Account { Id = Guid.NewGuid(), UserName = request.UserName, DisplayName = request.DisplayName };
        var created = await users.CreateAsync(account, request.Password ?? "");
        if (!created.Succeeded) return PasswordRejected.ToProblem();
        await users.AddToRolesAsync(account, request.Roles);
        db.AccountScopes.AddRange(request.Scopes.Select(s => ToScope(account.Id, s)));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return TypedResults.Created($"/api/accounts/{account.Id}", account.Id);
    }

    internal static async Task<Results<NoContent, NotFound, ProblemHttpResult>> SetAccess(Guid id, AccessRequest request, CivicGridDbContext db, UserManager<Account> users)
    {
        if (Validate(request.Roles, request.Scopes) is { } invalid) return invalid.ToProblem();
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return TypedResults.NotFound();
        await using var tx = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(account);
        await users.RemoveFromRolesAsync(account, current.Except(request.Roles));
        await users.AddToRolesAsync(account, request.Roles.Except(current));
        db.AccountScopes.RemoveRange(db.AccountScopes.Where(s => s.AccountId == id));
        db.AccountScopes.AddRange(request.Scopes.Select(s => ToScope(id, s)));
        account.Disabled = request.Disabled;
        await users.UpdateSecurityStampAsync(account); // signs the account out of existing cookies
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return TypedResults.NoContent();
    }

    internal static async Task<Results<NoContent, NotFound>> Unlock(Guid id, UserManager<Account> users)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return TypedResults.NotFound();
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        return TypedResults.NoContent();
    }

    static Error? Validate(string[]? roles, ScopeDto[]? scopes)
    {
        if (roles is null || roles.Length == 0 || roles.Any(r => Roles.Find(r) is null)) return UnknownRole;
        foreach (var s in scopes ?? [])
        {
            var ok = s.Kind switch
            {
                ScopeKind.Area => AreaCode.TryParse(s.AreaCode, out _),
                ScopeKind.Unit => s.UnitId is not null,
                ScopeKind.Self => s.ResidentId is not null,
                _ => false,
            };
            if (!ok) return BadScope;
        }
        return null;
    }

    static AccountScope ToScope(Guid accountId, ScopeDto s) => new()
    {
        Id = Guid.NewGuid(), AccountId = accountId, Kind = s.Kind, AreaCode = s.AreaCode, UnitId = s.UnitId, ResidentId = s.ResidentId,
    };
}
