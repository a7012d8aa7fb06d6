using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>
/// Leaderboards (积分榜) of a grid or community: the holders living there ranked by points earned in a period (earns net
/// of their reversals; spending does not lower a rank). Each row also shows what the holder spent and what expired in
/// the period, and their balance now (earned / spent / expired / balance). Staff see the boards of their area with every
/// figure; a holder sees the boards of their own grid and community, others' names masked and only their earnings —
/// what a neighbour spent or holds is theirs. Any other area is a 404.
/// </summary>
public static class RankEarners
{
    public enum Period { Month, Year, All }

    /// <summary>One holder: <see cref="Earned"/> ranks; Spent, Expired (in the period) and Balance (now) are null on a
    /// holder's board for everyone but themselves.</summary>
    public sealed record Row(int Rank, Guid AccountId, string Name, int Earned, int? Spent, int? Expired, int? Balance, bool Me);
    public sealed record Board(string AreaCode, Period Period, List<Row> Top, Row? Mine);

    public static void Map(RouteGroupBuilder points) =>
        points.MapGet("/leaderboard", async Task<Results<Ok<Board>, NotFound>> (string? area, Period? period, int? top,
            CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            await RankAsync(db, user, area, period ?? Period.Month, top ?? 20, clock.GetUtcNow(), ct) is { } board
                ? TypedResults.Ok(board) : TypedResults.NotFound()).RequireAuthorization();

    /// <summary>Null when the area is not the caller's to see. A holder naming no area gets their community's board.</summary>
    public static async Task<Board?> RankAsync(CivicGridDbContext db, CurrentUser user, string? area, Period period, int top,
        DateTimeOffset now, CancellationToken ct)
    {
        var me = user.Id!.Value;
        var home = await db.PointsAccounts.Where(a => a.Id == me).Select(a => a.AreaCode).FirstOrDefaultAsync(ct)
                   ?? await BrowseCatalog.HomeCommunityAsync(db, user, ct) ?? "";
        area ??= home.Length >= 12 ? home[..12] : null;
        if (area is null || area.Length < 12) return null; // boards are per grid or community (DOMAIN.md §5)
        var staff = user.Scope.Covers(area);
        if (!staff && !home.StartsWith(area)) return null;

        var local = now.ToOffset(TimeSpan.FromHours(8));
        DateTimeOffset? from = period switch
        {
            Period.Month => new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, local.Offset).ToUniversalTime(),
            Period.Year => new DateTimeOffset(local.Year, 1, 1, 0, 0, 0, local.Offset).ToUniversalTime(),
            _ => null,
        };
        // A public board of the holder's own area: read past the per-holder filter on purpose, names masked below.
        var living = db.PointsAccounts.IgnoreQueryFilters().Where(a => a.AreaCode.StartsWith(area));
        var entries = db.PointsEntries.IgnoreQueryFilters().Where(e => living.Any(a => a.Id == e.AccountId));
        if (from is { } f) entries = entries.Where(e => e.At >= f);
        var totals = (await PointsTotals.ByAccountAsync(entries, ct)).Where(t => t.Value.Earned > 0).ToList();
        var ids = totals.Select(t => t.Key).ToList();
        var accounts = await living.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.DisplayName, a.Balance }).ToDictionaryAsync(a => a.Id, ct);
        // Ties share a rank (competition ranking: 1, 2, 2, 4).
        var ordered = totals.OrderByDescending(t => t.Value.Earned).ThenBy(t => accounts[t.Key].DisplayName).ToList();
        var rows = ordered.Select(t =>
        {
            var (holder, mine) = (accounts[t.Key], t.Key == me);
            var open = staff || mine;
            return new Row(1 + ordered.Count(o => o.Value.Earned > t.Value.Earned), t.Key, open ? holder.DisplayName : Mask(holder.DisplayName),
                t.Value.Earned, open ? t.Value.Spent : null, open ? t.Value.Expired : null, open ? holder.Balance : null, mine);
        }).ToList();
        return new Board(area, period, rows.Take(Math.Clamp(top, 1, 100)).ToList(), rows.FirstOrDefault(r => r.Me));
    }

    /// <summary>张小明 → 张**: enough to recognise oneself, not to identify a neighbour.</summary>
    public static string Mask(string name) => name.Length <= 1 ? "*" : name[0] + new string('*', name.Length - 1);
}
