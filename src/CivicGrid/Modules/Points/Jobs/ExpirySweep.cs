using CivicGrid.Jobs;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Jobs;

/// <summary>
/// Expires the unspent part of earnings past their <see cref="PointsEntry.ExpiresAt"/> (积分过期, README.md rule 9),
/// exactly once. It claims accounts with an earning that expired since the account's <see cref="PointsAccount.ExpirySweptTo"/>
/// mark (FOR UPDATE SKIP LOCKED on PostgreSQL: the same row lock a redemption's debit takes, so the two serialise), works
/// out what is left of each earning by FIFO, posts one <see cref="PointsEntryKind.Expiry"/> entry per expired earning
/// through <see cref="PointsLedger"/>, and moves the mark, in one transaction. A unique index (one expiry per earning)
/// backs it against any second writer.
/// </summary>
public sealed class ExpirySweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ExpirySweep> log)
    : SkipLockedSweep(scopes, clock, config, log)
{
    /// <summary>The <see cref="PointsEntry.SourceKind"/> of an expiry: its SourceId is the earn entry it expires.</summary>
    public const string SourceKind = "earning";

    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override async Task<List<Guid>> ClaimAsync(CivicGridDbContext db, DateTimeOffset now, int batch, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
            return await db.Database.SqlQuery<Guid>($"""
                SELECT a."Id" AS "Value" FROM "PointsAccounts" a
                WHERE EXISTS (SELECT 1 FROM "PointsEntries" e
                              WHERE e."AccountId" = a."Id" AND e."Kind" = {(int)PointsEntryKind.Earn} AND e."ExpiresAt" <= {now}
                                AND (a."ExpirySweptTo" IS NULL OR e."ExpiresAt" > a."ExpirySweptTo"))
                LIMIT {batch}
                FOR UPDATE OF a SKIP LOCKED
                """).ToListAsync(ct);
        return await db.PointsAccounts
            .Where(a => db.PointsEntries.Any(e => e.AccountId == a.Id && e.Kind == PointsEntryKind.Earn && e.ExpiresAt <= now
                                                  && (a.ExpirySweptTo == null || e.ExpiresAt > a.ExpirySweptTo)))
            .OrderBy(a => a.Id).Select(a => a.Id).Take(batch).ToListAsync(ct);
    }

    /// <summary>Every claimed account is settled up to now (its mark moves even when nothing was left to expire).</summary>
    protected override async Task<int> ApplyAsync(CivicGridDbContext db, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var account in ids)
        {
            var entries = await db.PointsEntries.AsNoTracking().Where(e => e.AccountId == account)
                .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
            var settled = entries.Where(e => e.Kind == PointsEntryKind.Expiry).Select(e => e.SourceId).ToHashSet();
            foreach (var (earning, left) in Unspent(entries).Where(l => l.Earning.ExpiresAt <= now && l.Left > 0 && !settled.Contains(l.Earning.Id)))
            {
                await PointsLedger.PostAsync(db, new PointsEntry
                {
                    Id = Guid.CreateVersion7(), AccountId = account, AreaCode = earning.AreaCode, Kind = PointsEntryKind.Expiry,
                    Amount = -left, SourceKind = SourceKind, SourceId = earning.Id, Title = earning.Title, At = now,
                }, ct);
            }
            await db.PointsAccounts.Where(a => a.Id == account).ExecuteUpdateAsync(s => s.SetProperty(a => a.ExpirySweptTo, now), ct);
        }
        return ids.Count;
    }

    /// <summary>
    /// What is left of each earning, FIFO: in time order, every debit (a spend, a correction taking points back) consumes
    /// the oldest earnings first, and an expiry consumes the earning it names. An entry and its reversal cancel out (a
    /// reversed earn counts as never earned, a cancelled redemption as never spent). Earnings already expired are left at
    /// zero, so they are never expired twice. The lots left sum to the balance.
    /// </summary>
    public static List<(PointsEntry Earning, int Left)> Unspent(IReadOnlyList<PointsEntry> entries)
    {
        var reversed = entries.Where(e => e.ReversesId is not null).Select(e => e.ReversesId!.Value).ToHashSet();
        var lots = new List<(PointsEntry Earning, int Left)>();
        var index = new Dictionary<Guid, int>();
        var owed = 0; // a debit dated before the earning that covered it: paid by the next lots
        foreach (var e in entries)
        {
            if (e.Kind == PointsEntryKind.Reversal || reversed.Contains(e.Id) || e.Amount == 0) continue;
            if (e.Amount > 0)
            {
                var paid = Math.Min(owed, e.Amount);
                owed -= paid;
                index[e.Id] = lots.Count;
                lots.Add((e, e.Amount - paid));
                continue;
            }
            var due = -e.Amount;
            if (e.Kind == PointsEntryKind.Expiry && index.TryGetValue(e.SourceId, out var own))
            {
                var taken = Math.Min(due, lots[own].Left);
                lots[own] = (lots[own].Earning, lots[own].Left - taken);
                due -= taken;
            }
            for (var i = 0; i < lots.Count && due > 0; i++)
            {
                var taken = Math.Min(due, lots[i].Left);
                lots[i] = (lots[i].Earning, lots[i].Left - taken);
                due -= taken;
            }
            owed += due;
        }
        return lots;
    }
}
