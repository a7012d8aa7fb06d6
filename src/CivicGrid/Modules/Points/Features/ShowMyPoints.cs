using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>My points (我的积分): balance, history and codes of the caller's own account, for every signed-in holder.</summary>
public static class ShowMyPoints
{
    public static void Map(RouteGroupBuilder points)
    {
        points.MapGet("/me", (CivicGridDbContext db, CurrentUser user, CancellationToken ct) => MineAsync(db, user, ct)).RequireAuthorization();
        points.MapGet("/me/entries", async (int? page, int? pageSize, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            TypedResults.Ok(await EntriesAsync(db, user, Paging.Of(page, pageSize), ct))).RequireAuthorization();
        points.MapGet("/me/redemptions", async (CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            TypedResults.Ok(await RedemptionsAsync(db, user, ct))).RequireAuthorization();
    }

    /// <summary>A holder who has not earned yet has an empty account: zero, no rows written.</summary>
    public static async Task<Ok<PointsViews.Account>> MineAsync(CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        var me = user.Id!.Value;
        var account = await db.PointsAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == me, ct);
        var entries = db.PointsEntries.Where(e => e.AccountId == me);
        var earned = await entries.Where(PointsEntry.IsEarning).SumAsync(e => e.Amount, ct);
        var spent = -await entries.Where(PointsEntry.IsSpending).SumAsync(e => e.Amount, ct);
        var expired = -await entries.Where(e => e.Kind == PointsEntryKind.Expiry).SumAsync(e => e.Amount, ct);
        return TypedResults.Ok(new PointsViews.Account(me, account?.DisplayName ?? user.DisplayName, account?.AreaCode ?? "",
            account?.Balance ?? 0, earned, spent, expired));
    }

    public static async Task<Paged<PointsViews.Entry>> EntriesAsync(CivicGridDbContext db, CurrentUser user, Paging paging, CancellationToken ct)
    {
        var mine = db.PointsEntries.Where(e => e.AccountId == user.Id);
        var total = await mine.CountAsync(ct);
        var rows = await PointsViews.Entries(mine.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(paging.Skip).Take(paging.Size),
            db.PointsEntries).ToListAsync(ct);
        return new Paged<PointsViews.Entry>(total, paging.Page, paging.Size, rows);
    }

    public static Task<List<PointsViews.Redemption>> RedemptionsAsync(CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
        PointsViews.Redemptions(db.Redemptions.Where(r => r.AccountId == user.Id).OrderByDescending(r => r.IssuedAt)).ToListAsync(ct);
}
