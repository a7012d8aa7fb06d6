using System.Collections.Concurrent;
using System.Threading.Channels;
using CivicGrid.Jobs;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// The import jobs this instance will try to run. The database row is the truth; the channel only wakes the worker.
/// Any instance may run any Pending job: a run claims it with a conditional update (Pending → Running, with a fresh
/// <see cref="ImportJob.RunId"/>), so a job enqueued on several instances, or twice on one, runs once.
/// </summary>
/// <remarks>
/// Several instances (ADR 6, ADR 15): the holding run writes a heartbeat every <see cref="HeartbeatEvery"/>. Every
/// instance, on start and then every <see cref="RecoverEvery"/>, takes back the Running jobs whose heartbeat is older
/// than <see cref="StaleAfter"/> — their instance stopped or crashed — and enqueues every Pending job. A job's rows and
/// its outcome commit in one transaction guarded by the run id, so a job taken back has written nothing, and a run that
/// lost its job (it stalled past the limit, and another run holds it now) cannot commit or mark it failed.
/// </remarks>
public sealed class ImportQueue(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportQueue> log)
{
    public static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan RecoverEvery = TimeSpan.FromSeconds(60);
    /// <summary>Runs a job may have; one taken back after this many is failed, not run again.</summary>
    public const int MaxAttempts = 3;
    public const string StoppedTooOften = "导入多次中断，未写入任何数据。请检查文件后重新上传。";

    readonly Channel<Guid> _jobs = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    readonly ConcurrentDictionary<Guid, byte> _queued = new();

    /// <summary>Queues a job unless it is already waiting here.</summary>
    public ValueTask EnqueueAsync(Guid jobId, CancellationToken ct) =>
        _queued.TryAdd(jobId, 0) ? _jobs.Writer.WriteAsync(jobId, ct) : ValueTask.CompletedTask;

    internal async IAsyncEnumerable<Guid> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var id in _jobs.Reader.ReadAllAsync(ct))
        {
            _queued.TryRemove(id, out _);
            yield return id;
        }
    }

    /// <summary>Takes back the Running jobs whose run has gone quiet (failing those that have had
    /// <see cref="MaxAttempts"/> runs) and queues every Pending job, oldest first; returns how many were taken back.</summary>
    public async Task<int> RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Open(scope.ServiceProvider);
        var now = clock.GetUtcNow();
        var quietSince = now - StaleAfter;
        var stale = db.ImportJobs.Where(j => j.Status == ImportStatus.Running && (j.HeartbeatAt == null || j.HeartbeatAt < quietSince));
        var failed = await stale.Where(j => j.Attempts >= MaxAttempts).Select(j => j.Id).ToListAsync(ct);
        if (failed.Count > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await stale.Where(j => failed.Contains(j.Id)) // still stale: another instance may have taken it back meanwhile
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Failed).SetProperty(j => j.RunId, (Guid?)null)
                    .SetProperty(j => j.FailureReason, StoppedTooOften).SetProperty(j => j.FinishedAt, now), ct);
            // The upload is dropped with the job's end, as for every other outcome.
            await db.ImportFiles.Where(f => failed.Contains(f.JobId) && db.ImportJobs.Any(j => j.Id == f.JobId && j.Status == ImportStatus.Failed))
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.UploadCipher, (byte[]?)null), ct);
            await tx.CommitAsync(ct);
            log.LogWarning("Failed {Count} import job(s) that stopped {Max} runs", failed.Count, MaxAttempts);
        }
        var takenBack = await stale
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Pending).SetProperty(j => j.RunId, (Guid?)null), ct);
        var pending = await db.ImportJobs.Where(j => j.Status == ImportStatus.Pending).Select(j => new { j.Id, j.CreatedAt }).ToListAsync(ct);
        // Oldest first; sorted here because SQLite cannot order by a DateTimeOffset column.
        foreach (var job in pending.OrderBy(j => j.CreatedAt)) await EnqueueAsync(job.Id, ct);
        if (takenBack > 0) log.LogWarning("Took back {Count} import job(s) whose run had stopped", takenBack);
        return takenBack;
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<ImportQueue>();
        services.AddSingleton<ImportProcessor>();
        services.AddHostedService<ImportWorker>();
        services.AddHostedService<ImportRecovery>();
    }
}

/// <summary>Runs queued import jobs one after another.</summary>
sealed class ImportWorker(ImportQueue queue, ImportProcessor processor, ILogger<ImportWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        await foreach (var jobId in queue.ReadAllAsync(stop))
        {
            try { await processor.RunAsync(jobId, stop); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The processor records expected failures on the job; this is the database itself failing. The job
                // stays Running until its heartbeat goes stale, then any instance takes it back.
                log.LogError(e, "Import job {JobId} stopped unexpectedly", jobId);
            }
        }
    }
}

/// <summary>On start and then on a timer, takes back the jobs a stopped instance left Running and queues the Pending
/// ones. Tests switch the timer off with the sweeps' switch and call <see cref="ImportQueue.RecoverAsync"/>.</summary>
sealed class ImportRecovery(ImportQueue queue, IConfiguration config, ILogger<ImportRecovery> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        var onTimer = config.GetValue(SkipLockedSweep.TimerSwitch, true);
        using var timer = new PeriodicTimer(ImportQueue.RecoverEvery);
        do
        {
            try { await queue.RecoverAsync(stop); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Import recovery failed; retrying next tick"); }
        } while (onTimer && await timer.WaitForNextTickAsync(stop));
    }
}
