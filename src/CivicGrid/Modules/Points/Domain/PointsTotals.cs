using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Domain;

/// <summary>
/// What a holder's entries add up to, split the way boards and accounts show it (积分: 获得 / 兑换 / 过期): earned
/// (<see cref="PointsEntry.IsEarning"/>), spent (<see cref="PointsEntry.IsSpending"/>) and expired, each a positive
/// number. Every entry falls in exactly one of the three, so over all time earned − spent − expired is the balance.
/// </summary>
public readonly record struct PointsTotals(int Earned, int Spent, int Expired)
{
    /// <summary>Three grouped sums over <paramref name="entries"/> (already limited by account, period or area).</summary>
    public static async Task<Dictionary<Guid, PointsTotals>> ByAccountAsync(IQueryable<PointsEntry> entries, CancellationToken ct)
    {
        async Task<Dictionary<Guid, int>> Sum(IQueryable<PointsEntry> q) =>
            await q.GroupBy(e => e.AccountId).Select(g => new { g.Key, Sum = g.Sum(e => e.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var earned = await Sum(entries.Where(PointsEntry.IsEarning));
        var spent = await Sum(entries.Where(PointsEntry.IsSpending));
        var expired = await Sum(entries.Where(e => e.Kind == PointsEntryKind.Expiry));
        return earned.Keys.Union(spent.Keys).Union(expired.Keys).ToDictionary(id => id,
            id => new PointsTotals(earned.GetValueOrDefault(id), -spent.GetValueOrDefault(id), -expired.GetValueOrDefault(id)));
    }
}
