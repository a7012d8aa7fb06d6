using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// Runs one import job: claims it, reads and validates every row with the uploader's scope, reports progress every
/// <see cref="ProgressEvery"/> rows, then commits the accepted rows and the job's outcome in one transaction —
/// all of the accepted set or nothing. The run holds the job by its <see cref="ImportJob.RunId"/> and keeps a heartbeat
/// (<see cref="ImportQueue"/>); a run that loses its job writes nothing more.
/// </summary>
sealed class ImportProcessor(IServiceProvider services, PersonalDataProtector protector, TimeProvider clock, ILogger<ImportProcessor> log)
{
    public const int ProgressEvery = 500;

    /// <summary>Runs just before a job's commit; tests use it to take the job away from the run at that moment.</summary>
    internal Func<Guid, Task>? BeforeCommit { get; set; }

    public async Task RunAsync(Guid jobId, CancellationToken stop)
    {
        await using var scope = services.CreateAsyncScope();
        // The job row is bookkeeping, not people data: claimed and updated outside any scope.
        await using var jobs = SystemDb.Open(scope.ServiceProvider);
        var run = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var claimed = await jobs.ImportJobs.Where(j => j.Id == jobId && j.Status == ImportStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.RunId, run)
                .SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), stop);
        if (claimed == 0) return; // already taken, finished, or gone: a second enqueue of the same id is harmless

        // The heartbeat tells other instances this run is alive; if the job was taken back meanwhile, the run stops.
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var beating = BeatAsync(jobId, run, lost);
        try
        {
            await RunClaimedAsync(scope.ServiceProvider, jobs, jobId, run, lost.Token);
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            log.LogWarning("Import job {JobId} was taken back by another run; this run stopped without writing", jobId);
        }
        finally
        {
            await lost.CancelAsync();
            await beating;
        }
        if (stop.IsCancellationRequested) await ReleaseAsync(jobs, jobId, run);
    }

    // The instance is stopping: the job goes back to Pending at once for any instance to run, rather than after the
    // stale limit. Written nothing yet, so nothing to undo.
    async Task ReleaseAsync(CivicGridDbContext jobs, Guid jobId, Guid run)
    {
        try
        {
            await jobs.ImportJobs.Where(j => j.Id == jobId && j.RunId == run && j.Status == ImportStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Pending).SetProperty(j => j.RunId, (Guid?)null)
                    .SetProperty(j => j.Attempts, j => j.Attempts - 1), CancellationToken.None);
        }
        catch (Exception e) { log.LogWarning(e, "Import job {JobId}: could not release it on shutdown; it is taken back when stale", jobId); }
    }

    async Task BeatAsync(Guid jobId, Guid run, CancellationTokenSource lost)
    {
        using var timer = new PeriodicTimer(ImportQueue.HeartbeatEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(lost.Token))
            {
                try
                {
                    await using var scope = services.CreateAsyncScope();
                    await using var db = SystemDb.Open(scope.ServiceProvider);
                    var now = clock.GetUtcNow();
                    if (await db.ImportJobs.Where(j => j.Id == jobId && j.RunId == run)
                            .ExecuteUpdateAsync(s => s.SetProperty(j => j.HeartbeatAt, now), lost.Token) == 0)
                        await lost.CancelAsync();
                }
                // A missed beat is retried on the next tick; only a run of them (the stale limit) gives the job away.
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Import job {JobId}: heartbeat failed", jobId); }
            }
        }
        catch (OperationCanceledException) { } // the run ended, or lost its job
    }

    async Task RunClaimedAsync(IServiceProvider scoped, CivicGridDbContext jobs, Guid jobId, Guid run, CancellationToken ct)
    {
        var job = await jobs.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        // People data is read and written only through the uploader's own scope, never an unrestricted one.
        await using var db = ScopedDb.Create(scoped, job.Scope);
        var plan = new ImportPlan(db, protector, clock);
        try
        {
            var cipher = await jobs.ImportFiles.Where(f => f.JobId == jobId).Select(f => f.UploadCipher).SingleAsync(ct);
            var upload = ImportSheet.Decrypt(cipher!, protector);
            var total = ImportSheet.Read(new MemoryStream(upload)).Count();
            await Progress(jobs, jobId, run, s => s.SetProperty(j => j.TotalRows, total), ct);
            foreach (var batch in ImportSheet.Read(new MemoryStream(upload)).Chunk(ProgressEvery))
            {
                await plan.AddBatchAsync(batch, ct);
                await Progress(jobs, jobId, run, s => s.SetProperty(j => j.ProcessedRows, plan.Processed), ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Import job {JobId} could not be read", jobId);
            await FailAsync(jobs, jobId, run, "文件读取失败，未写入任何数据。请检查文件后重新上传。", plan, ct);
            return;
        }
        await CommitAsync(db, jobs, jobId, run, plan, ct);
    }

    // Progress is written only while this run holds the job, and counts as a heartbeat; a run that finds its job gone stops.
    async Task Progress(CivicGridDbContext jobs, Guid jobId, Guid run,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ImportJob>> set, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await jobs.ImportJobs.Where(j => j.Id == jobId && j.RunId == run)
                .ExecuteUpdateAsync(s => { set(s); s.SetProperty(j => j.HeartbeatAt, now); }, ct) == 0)
            throw TakenBack();
    }

    async Task CommitAsync(CivicGridDbContext db, CivicGridDbContext jobs, Guid jobId, Guid run, ImportPlan plan, CancellationToken ct)
    {
        if (BeforeCommit is { } hook) await hook(jobId);
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, ct);
        if (job.RunId != run) throw TakenBack();
        var file = await db.ImportFiles.SingleAsync(f => f.JobId == jobId, ct);
        job.Status = plan.Accepted > 0 ? ImportStatus.Succeeded : ImportStatus.Rejected;
        job.FailureReason = plan.Processed == 0 ? ImportErrors.NoRows.Message : null;
        (job.ProcessedRows, job.AcceptedRows, job.RejectedRows) = (plan.Processed, plan.Accepted, plan.Rejected.Count);
        job.FinishedAt = clock.GetUtcNow();
        job.RunId = null;
        file.UploadCipher = null; // the clear-text workbook is not kept once its rows are in (or refused)
        file.ErrorsCipher = ErrorsOf(plan);
        plan.AddAcceptedTo(db);
        try
        {
            // One transaction: buildings, households, residents and the job's outcome, on condition that this run still
            // holds the job (RunId is a concurrency token).
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw TakenBack();
        }
        catch (DbUpdateException e)
        {
            // Typically an ID registered by someone else since validation; the transaction rolled back entirely.
            log.LogError(e, "Import job {JobId} failed to commit", jobId);
            await FailAsync(jobs, jobId, run, "提交失败，未写入任何数据（可能有身份证号刚被他人登记），请重新上传。", plan, ct);
        }
    }

    async Task FailAsync(CivicGridDbContext jobs, Guid jobId, Guid run, string reason, ImportPlan plan, CancellationToken ct)
    {
        jobs.ChangeTracker.Clear();
        var job = await jobs.ImportJobs.SingleAsync(j => j.Id == jobId, ct);
        if (job.RunId != run) return; // taken back: the run that holds it now records the outcome
        var file = await jobs.ImportFiles.SingleAsync(f => f.JobId == jobId, ct);
        job.Status = ImportStatus.Failed;
        job.FailureReason = reason;
        (job.ProcessedRows, job.AcceptedRows, job.RejectedRows) = (plan.Processed, 0, plan.Rejected.Count);
        job.FinishedAt = clock.GetUtcNow();
        job.RunId = null;
        file.UploadCipher = null;
        file.ErrorsCipher = ErrorsOf(plan);
        try { await jobs.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { } // taken back between the read and the write
    }

    // The run lost its job to another; RunAsync ends it quietly.
    static OperationCanceledException TakenBack() => new("The import job was taken back.");

    byte[]? ErrorsOf(ImportPlan plan) =>
        plan.Rejected.Count == 0 ? null : ImportSheet.Encrypt(ImportSheet.ErrorWorkbook(plan.Rejected), protector);
}
