using System.Threading.Channels;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// The in-process queue of import jobs to run. The database row is the truth; the channel only wakes the worker.
/// </summary>
/// <remarks>
/// ADR (import jobs, one instance for now).
/// Context: imports are minutes of work at most and must survive a crash; the app may later run as several instances.
/// Decision: an upload writes a Pending job row (the file stored encrypted in the database, not on a local disk, so any
/// instance can read it) and puts its id on this channel. One worker per process runs jobs one at a time; it claims a
/// job with a conditional update (Pending → Running), so an id enqueued twice runs once. On start the worker puts back
/// to Pending the jobs a crash left Running — safe because a job's rows and its outcome commit in one transaction, so
/// a Running job has written nothing — and enqueues every Pending job.
/// Consequences: correct on one instance only; with several, one instance's start would take back another's live job.
/// Multi-instance claims will use the pattern of the deadline sweeps (ARCHITECTURE.md): on PostgreSQL
/// UPDATE … WHERE id IN (SELECT id … WHERE status = Pending FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING id, with a
/// heartbeat column so that only Running jobs whose heartbeat is stale are taken back.
/// </remarks>
public sealed class ImportQueue
{
    readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(Guid jobId, CancellationToken ct) => _jobs.Writer.WriteAsync(jobId, ct);

    internal IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _jobs.Reader.ReadAllAsync(ct);

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportProcessor>();
        services.AddHostedService<ImportWorker>();
    }
}

/// <summary>Runs queued import jobs one after another, after taking up the jobs a previous process left unfinished.</summary>
sealed class ImportWorker(ImportQueue queue, ImportProcessor processor, IServiceProvider services, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await ResumeUnfinishedAsync(stop);
        await foreach (var jobId in queue.ReadAllAsync(stop))
        {
            try { await processor.RunAsync(jobId, stop); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The processor records expected failures on the job; this is the database itself failing. The job
                // stays Running and is taken back on the next start.
                log.LogError(e, "Import job {JobId} stopped unexpectedly", jobId);
            }
        }
    }

    async Task ResumeUnfinishedAsync(CancellationToken stop)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = SystemDb.Open(scope.ServiceProvider);
        await db.ImportJobs.Where(j => j.Status == ImportStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Pending), stop);
        var pending = await db.ImportJobs.Where(j => j.Status == ImportStatus.Pending).Select(j => new { j.Id, j.CreatedAt }).ToListAsync(stop);
        // Oldest first; sorted here because SQLite cannot order by a DateTimeOffset column.
        foreach (var job in pending.OrderBy(j => j.CreatedAt)) await queue.EnqueueAsync(job.Id, stop);
        if (pending.Count > 0) log.LogInformation("Resuming {Count} unfinished import job(s)", pending.Count);
    }
}
