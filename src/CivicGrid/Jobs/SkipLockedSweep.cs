using CivicGrid.Persistence;

namespace CivicGrid.Jobs;

/// <summary>
/// The shape of every deadline-like sweep: on a timer, claim a batch of rows
/// with something due, let each record what it did, save, repeat until nothing is left. Each row records its own flag,
/// so a restart or a second instance finds nothing to redo; on PostgreSQL <see cref="ClaimAsync"/> takes its batch with
/// <c>FOR UPDATE SKIP LOCKED</c> so instances never sweep the same row at once. Tests switch the timer off
/// (<c>Cases:SweepOnTimer</c>, the one switch for deadline sweeps) and call <see cref="RunOnceAsync"/> at the fake clock.
/// Used by the case deadline sweep, the co-building milestone sweep and the points expiry sweep.
/// </summary>
public abstract class SkipLockedSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger log) : BackgroundService
{
    public const string TimerSwitch = "Cases:SweepOnTimer";
    protected virtual int BatchSize => 200;
    protected virtual TimeSpan Interval => TimeSpan.FromSeconds(30);

    /// <summary>Ids of rows with something due at <paramref name="now"/>, at most <paramref name="batch"/>, locked for this
    /// transaction on PostgreSQL.</summary>
    protected abstract Task<List<Guid>> ClaimAsync(CivicGridDbContext db, DateTimeOffset now, int batch, CancellationToken ct);

    /// <summary>Records what is due on the claimed rows; returns how many recorded something.</summary>
    protected abstract Task<int> ApplyAsync(CivicGridDbContext db, List<Guid> ids, DateTimeOffset now, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        if (!config.GetValue(TimerSwitch, true)) return;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try { await RunOnceAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "{Sweep} failed; retrying next tick", GetType().Name); }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>Sweeps everything due at the clock's now; returns how many rows recorded something.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var swept = 0;
        while (true)
        {
            var (claimed, changed) = await SweepBatchAsync(clock.GetUtcNow(), ct);
            swept += changed;
            if (claimed < BatchSize || changed == 0) return swept;
        }
    }

    async Task<(int Claimed, int Changed)> SweepBatchAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Open(scope.ServiceProvider); // a sweep serves every area
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = await ClaimAsync(db, now, BatchSize, ct);
        if (ids.Count == 0) return (0, 0);
        var changed = await ApplyAsync(db, ids, now, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (ids.Count, changed);
    }
}
