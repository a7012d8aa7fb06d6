using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>
/// Leaderboards (积分榜) of a grid or community: the holders living there ranked by points earned in a period (earns net
/// of their reversals; spending does not lower a rank). Staff see the boards of their area; a holder sees the boards of
/// their own grid and community, with others' names masked; any other area is a 404.
/// </summary>
public static class RankEarners
{
    public enum Period { Month, Year, All }

    public sealed record Row(int Rank, Guid AccountId, string Name, int Points, bool Me);
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
        var entries = db.PointsEntries.IgnoreQueryFilters().Where(PointsEntry.IsEarning);
        if (from is { } f) entries = entries.Where(e => e.At >= f);
        var accounts = db.PointsAccounts.IgnoreQueryFilters().Where(a => a.AreaCode.StartsWith(area));
        var totals = await (from e in entries
                            join a in accounts on e.AccountId equals a.Id
                            group e by new { a.Id, a.DisplayName } into g
                            select new { g.Key.Id, g.Key.DisplayName, Points = g.Sum(e => e.Amount) })
            .Where(t => t.Points > 0).ToListAsync(ct);
        // Ties share a rank (competition ranking: 1, 2, 2, 4).
        var ordered = totals.OrderByDescending(t => t.Points).ThenBy(t => t.DisplayName).ToList();
        var rows = ordered.Select(t => new Row(1 + ordered.Count(o => o.Points > t.Points), t.Id,
            staff || t.Id == me ? t.DisplayName : Mask(t.DisplayName), t.Points, t.Id == me)).ToList();
        return new Board(area, period, rows.Take(Math.Clamp(top, 1, 100)).ToList(), rows.FirstOrDefault(r => r.Me));
    }

    /// <summary>张小明 → 张**: enough to recognise oneself, not to identify a neighbour.</summary>
    public static string Mask(string name) => name.Length <= 1 ? "*" : name[0] + new string('*', name.Length - 1);
}
