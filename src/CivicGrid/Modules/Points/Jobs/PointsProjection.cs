using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Jobs;

/// <summary>
/// Turns unprocessed <see cref="PointsEvent"/>s into earn entries by the community's rules, exactly once: a batch is
/// claimed (FOR UPDATE SKIP LOCKED on PostgreSQL; on SQLite the transaction holds the write lock), each event is
/// credited and marked processed in the same transaction, and PointsEntry.EventId is unique besides. Caps truncate
/// the earn; the entry keeps both what the rule gave and what was credited.
/// </summary>
public sealed class PointsProjection(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<PointsProjection> log) : BackgroundService
{
    public const int BatchSize = 100;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // Tests switch the timer off and call RunOnceAsync themselves, so they know when the ledger is complete.
        if (!config.GetValue("Points:ProjectOnTimer", true)) return;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try { await RunOnceAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Points projection failed; retrying next tick"); }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>Credits every event not yet processed; returns how many it processed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var n = await ProjectBatchAsync(ct);
            total += n;
            if (n < BatchSize) return total;
        }
    }

    async Task<int> ProjectBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Open(scope.ServiceProvider); // system work: every community's ledger
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await ClaimAsync(db, ct);
        if (batch.Count == 0) return 0;
        var now = clock.GetUtcNow();
        foreach (var e in batch)
        {
            await CreditAsync(db, e, now, ct);
            await db.SaveChangesAsync(ct); // inside the transaction: the next event's caps see this one
        }
        var ids = batch.Select(e => e.Id).ToList();
        await db.PointsEvents.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Processed, true), ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    static Task<List<PointsEvent>> ClaimAsync(CivicGridDbContext db, CancellationToken ct) => db.Database.IsNpgsql()
        ? db.PointsEvents.FromSql($"""
            SELECT * FROM "PointsEvents" WHERE "Processed" = false ORDER BY "OccurredAt", "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(ct)
        : db.PointsEvents.AsNoTracking().Where(e => !e.Processed).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).Take(BatchSize).ToListAsync(ct);

    static async Task CreditAsync(CivicGridDbContext db, PointsEvent e, DateTimeOffset now, CancellationToken ct)
    {
        // Delivered again (an event marked unprocessed by hand, a retried batch): it already has its entry, once.
        if (await db.PointsEntries.AnyAsync(x => x.EventId == e.Id, ct)) return;
        var community = e.AreaCode.Length > 12 ? e.AreaCode[..12] : e.AreaCode;
        var (home, name) = await HolderAsync(db, e.AccountId, community, ct);
        await PointsLedger.EnsureAccountAsync(db, e.AccountId, home, name, ct);
        await PointsLedger.LockAccountAsync(db, e.AccountId, ct);

        var ruleKind = PointsEventKinds.RuleOf(e.Kind);
        var rule = await db.EarningRules.AsNoTracking().SingleOrDefaultAsync(r => r.AreaCode == community && r.Kind == ruleKind, ct)
                   ?? EarningRule.Default(community, ruleKind);
        if (e.Kind == PointsEventKinds.VolunteerHoursCorrected)
        {
            await CorrectAsync(db, e, community, rule, ct);
            return;
        }
        await EarnAsync(db, e, community, rule, Math.Max(0, rule.PointsFor(ruleKind, e.Quantity)), ct);
    }

    /// <summary>An earn entry for <paramref name="uncapped"/> points, cut by the rule's day and month caps.</summary>
    static async Task EarnAsync(CivicGridDbContext db, PointsEvent e, string community, EarningRule rule, int uncapped, CancellationToken ct)
    {
        // DOMAIN.md §5 caps count China's calendar day and month, of the same rule in the same community, net of what
        // corrections took back.
        var local = e.OccurredAt.ToOffset(ChinaOffset);
        var dayStart = new DateTimeOffset(local.Date, ChinaOffset).ToUniversalTime();
        var monthStart = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, ChinaOffset).ToUniversalTime();
        var dayEnd = dayStart.AddDays(1);
        var monthEnd = new DateTimeOffset(local.Year, local.Month, 1, 0, 0, 0, ChinaOffset).AddMonths(1).ToUniversalTime();
        var counted = PointsEventKinds.CountedBy(rule.Kind);
        var earned = db.PointsEntries.Where(x => x.AccountId == e.AccountId && x.AreaCode == community && counted.Contains(x.SourceKind)
                                                 && (x.Kind == PointsEntryKind.Earn || x.Kind == PointsEntryKind.Adjustment));
        var today = await earned.Where(x => x.At >= dayStart && x.At < dayEnd).SumAsync(x => x.Amount, ct);
        var month = await earned.Where(x => x.At >= monthStart && x.At < monthEnd).SumAsync(x => x.Amount, ct);
        var (amount, cappedBy) = rule.Cap(uncapped, today, month);

        await PointsLedger.PostAsync(db, new PointsEntry
        {
            Id = Guid.CreateVersion7(), AccountId = e.AccountId, AreaCode = community, Kind = PointsEntryKind.Earn,
            Amount = amount, Uncapped = uncapped, CappedBy = cappedBy, SourceKind = e.Kind, SourceId = e.SourceId,
            Title = e.Title, EventId = e.Id, At = e.OccurredAt, ExpiresAt = rule.ExpiryOf(e.OccurredAt),
        }, ct);
    }

    /// <summary>
    /// A correction of a sign-up's minutes (README.md rule 8). The points are recomputed on the corrected total, so
    /// rounding never drifts: more minutes earn P(after) − P(before) under the caps of the correction's day; fewer take
    /// back what the sign-up's credited points exceed P(after) (a capped earn that stays within the rule loses nothing),
    /// but never below a zero balance: what is already spent is not taken, the entry records the shortfall.
    /// </summary>
    static async Task CorrectAsync(CivicGridDbContext db, PointsEvent e, string community, EarningRule rule, CancellationToken ct)
    {
        var related = await db.PointsEvents.AsNoTracking()
            .Where(x => x.AccountId == e.AccountId && x.Id != e.Id
                        && ((x.Kind == PointsEventKinds.VolunteerHours && x.SourceId == e.Corrects)
                            || (x.Kind == PointsEventKinds.VolunteerHoursCorrected && x.Corrects == e.Corrects)))
            .Select(x => new { x.Id, x.Quantity }).ToListAsync(ct);
        var relatedIds = related.Select(x => x.Id).ToList();
        var entries = await db.PointsEntries.Where(x => x.EventId != null && relatedIds.Contains(x.EventId.Value))
            .Select(x => new { x.Id, x.EventId, x.Amount }).ToListAsync(ct);
        var entryIds = entries.Select(x => x.Id).ToList();
        var credited = entries.Sum(x => x.Amount)
                       + await db.PointsEntries.Where(x => x.ReversesId != null && entryIds.Contains(x.ReversesId.Value)).SumAsync(x => x.Amount, ct);
        var before = Math.Max(0, related.Where(x => entries.Any(y => y.EventId == x.Id)).Sum(x => x.Quantity));
        var after = Math.Max(0, before + e.Quantity);
        var (pointsBefore, pointsAfter) = (rule.PointsFor(rule.Kind, before), rule.PointsFor(rule.Kind, after));

        if (e.Quantity > 0)
        {
            await EarnAsync(db, e, community, rule, Math.Max(0, pointsAfter - pointsBefore), ct);
            return;
        }
        var due = Math.Max(0, credited - pointsAfter);
        var balance = await db.PointsAccounts.Where(a => a.Id == e.AccountId).Select(a => a.Balance).SingleAsync(ct); // row locked above
        var take = Math.Min(due, balance);
        await PointsLedger.PostAsync(db, new PointsEntry
        {
            Id = Guid.CreateVersion7(), AccountId = e.AccountId, AreaCode = community, Kind = PointsEntryKind.Adjustment,
            Amount = -take, Uncapped = -due, CappedBy = take < due ? "balance" : null, SourceKind = e.Kind, SourceId = e.SourceId,
            Title = e.Title, EventId = e.Id, At = e.OccurredAt,
        }, ct);
    }

    /// <summary>The holder's home area (their household's grid, when their account is tied to a resident record) and name.</summary>
    static async Task<(string Area, string Name)> HolderAsync(CivicGridDbContext db, Guid accountId, string community, CancellationToken ct)
    {
        var name = await db.Users.Where(u => u.Id == accountId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        var residentArea = await (from s in db.AccountScopes
                                  join r in db.Residents on s.ResidentId equals r.Id
                                  where s.AccountId == accountId && s.Kind == ScopeKind.Self
                                  select r.AreaCode).FirstOrDefaultAsync(ct);
        return (residentArea ?? community, name);
    }
}
