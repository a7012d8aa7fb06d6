using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// Keeps the rollups (<see cref="CaseFiguresDaily"/>, <see cref="UnitFiguresDaily"/>) from the case history, which is
/// the outbox (docs/adr/0008): each batch of unprojected entries is counted into the rollups and marked projected in one
/// transaction, so every entry is counted exactly once. On PostgreSQL the batch is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so instances running side by side take different entries; on SQLite the transaction
/// is <c>BEGIN IMMEDIATE</c>, one writer at a time.
/// </summary>
public sealed class FiguresProjection(IServiceScopeFactory scopes, IConfiguration config, FigureSums sums, ILogger<FiguresProjection> log)
    : BackgroundService
{
    public const int BatchSize = 500;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // Tests switch the timer off and call RunOnceAsync themselves, so they know when the figures are complete.
        if (!config.GetValue("Cases:FiguresOnTimer", true)) return;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try { await RunOnceAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Figures projection failed; retrying next tick"); }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>Counts every history entry not yet counted; returns how many it counted.</summary>
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
        await using var db = SystemDb.Open(scope.ServiceProvider); // system work: figures of every area
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await ClaimAsync(db, ct);
        if (batch.Count == 0) return 0;

        var tally = new FigureTally();
        var earlier = await EarlierEntriesOfRelocatedAsync(db, batch, ct);
        foreach (var t in batch)
            if (t.Action == CaseAction.Relocate) tally.AddRelocation(t, earlier[t.CaseId].Where(e => e.Seq < t.Seq).ToList());
            else tally.Add(t);
        await tally.WriteAsync(db, ct);

        var ids = batch.Select(t => t.Id).ToList();
        await db.CaseTransitions.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Projected, true), ct);
        await tx.CommitAsync(ct);
        sums.Forget();
        return batch.Count;
    }

    /// <summary>
    /// The whole history of each case relocated in the batch (relocations are rare), whether counted yet or not: a
    /// relocation moves what its earlier entries count, and the add is atomic, so it does not matter which batch (or
    /// instance) counts them first.
    /// </summary>
    static async Task<ILookup<Guid, CaseTransition>> EarlierEntriesOfRelocatedAsync(CivicGridDbContext db, List<CaseTransition> batch, CancellationToken ct)
    {
        var relocated = batch.Where(t => t.Action == CaseAction.Relocate).Select(t => t.CaseId).Distinct().ToList();
        if (relocated.Count == 0) return Array.Empty<CaseTransition>().ToLookup(t => t.CaseId);
        var entries = await db.CaseTransitions.AsNoTracking().Where(t => relocated.Contains(t.CaseId)).ToListAsync(ct);
        return entries.ToLookup(t => t.CaseId);
    }

    /// <summary>The oldest entries not yet counted, through the partial index IX_CaseTransitions_Unprojected.</summary>
    static Task<List<CaseTransition>> ClaimAsync(CivicGridDbContext db, CancellationToken ct) => db.Database.IsNpgsql()
        ? db.CaseTransitions.FromSql($"""
            SELECT * FROM "CaseTransitions" WHERE "Projected" = false ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(ct)
        : db.CaseTransitions.AsNoTracking().Where(t => !t.Projected).OrderBy(t => t.Id).Take(BatchSize).ToListAsync(ct);
}
