using System.Threading.Channels;
using CivicGrid.Persistence;

namespace CivicGrid.Modules.Audit;

/// <summary>
/// Stores operation-log entries in batches, off the request: the middleware hands an entry over and the response goes
/// out; a background loop writes whatever has gathered (up to <see cref="BatchSize"/> a time) in one statement. One
/// insert per write request would double the transactions of every write (bench/RESULTS.md); batched, a busy instance
/// writes a few inserts a second: after the first entry of a batch arrives the loop waits <see cref="Gather"/> for more, since
/// each write costs a context and a transaction however few rows it carries (a write per request or two had cost a busy
/// instance an eighth of its CPU, bench/RESULTS.md). On shutdown the loop drains the queue before the host stops; a crash can lose the
/// entries of the last moment — the log is a record of calls, while what must never be lost (a personal-data reveal)
/// is written in the request's own transaction (PersonalDataAccess). Readers call <see cref="FlushAsync"/> first, so the
/// log read through this instance includes its own latest calls.
/// </summary>
public sealed class OperationLogWriter(IServiceScopeFactory scopes, ILogger<OperationLogWriter> log) : BackgroundService
{
    public const int BatchSize = 500;
    public static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(250);

    readonly Channel<OperationLogEntry> _queue = Channel.CreateBounded<OperationLogEntry>(
        new BoundedChannelOptions(50_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>Queues the entry; waits only if 50,000 are already waiting (the database is down or far behind).</summary>
    public ValueTask AddAsync(OperationLogEntry entry) => _queue.Writer.WriteAsync(entry);

    /// <summary>Writes everything queued so far, and waits for a batch the loop is writing right now.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        do await WriteBatchAsync(ct);
        while (_queue.Reader.Count > 0);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                if (_queue.Reader.Count < BatchSize) await Task.Delay(Gather, ct);
                try { await FlushAsync(ct); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Writing the operation log failed; retrying");
                    await Task.Delay(TimeSpan.FromSeconds(1), ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        // Stopping: what is still queued goes to the database before the host is gone.
        try { await FlushAsync(CancellationToken.None); }
        catch (Exception e) { log.LogWarning(e, "Writing the operation log at shutdown failed; {Count} entries lost", _queue.Reader.Count); }
    }

    async Task WriteBatchAsync(CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            var batch = new List<OperationLogEntry>();
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var entry)) batch.Add(entry);
            if (batch.Count == 0) return;
            await using var scope = scopes.CreateAsyncScope();
            await using var db = SystemDb.Open(scope.ServiceProvider);
            db.OperationLog.AddRange(batch);
            try { await db.SaveChangesAsync(CancellationToken.None); }
            catch
            {
                // Not lost on a failed write: back into the queue for the next attempt.
                foreach (var e in batch) { e.Id = 0; _queue.Writer.TryWrite(e); }
                throw;
            }
        }
        finally { _writing.Release(); }
    }
}
