using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// Runs one import job: claims it, reads and validates every row with the uploader's scope, reports progress every
/// <see cref="ProgressEvery"/> rows, then commits the accepted rows and the job's outcome in one transaction —
/// all of the accepted set or nothing.
/// </summary>
sealed class ImportProcessor(IServiceProvider services, PersonalDataProtector protector, TimeProvider clock, ILogger<ImportProcessor> log)
{
    public const int ProgressEvery = 500;

    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        // The job row is bookkeeping, not people data: claimed and updated outside any scope.
        await using var jobs = SystemDb.Open(scope.ServiceProvider);
        var claimed = await jobs.ImportJobs.Where(j => j.Id == jobId && j.Status == ImportStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.StartedAt, clock.GetUtcNow()), ct);
        if (claimed == 0) return; // already taken, finished, or gone: a second enqueue of the same id is harmless

        var job = await jobs.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        // People data is read and written only through the uploader's own scope, never an unrestricted one.
        await using var db = ScopedDb.Create(scope.ServiceProvider, job.Scope);
        var plan = new ImportPlan(db, protector, clock);
        try
        {
            var cipher = await jobs.ImportFiles.Where(f => f.JobId == jobId).Select(f => f.UploadCipher).SingleAsync(ct);
            var upload = ImportSheet.Decrypt(cipher!, protector);
            var total = ImportSheet.Read(new MemoryStream(upload)).Count();
            await jobs.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.TotalRows, total), ct);
            foreach (var batch in ImportSheet.Read(new MemoryStream(upload)).Chunk(ProgressEvery))
            {
                await plan.AddBatchAsync(batch, ct);
                await jobs.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.ProcessedRows, plan.Processed), ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Import job {JobId} could not be read", jobId);
            await FailAsync(jobs, jobId, "文件读取失败，未写入任何数据。请检查文件后重新上传。", plan, ct);
            return;
        }
        await CommitAsync(db, jobs, jobId, plan, ct);
    }

    async Task CommitAsync(CivicGridDbContext db, CivicGridDbContext jobs, Guid jobId, ImportPlan plan, CancellationToken ct)
    {
        var job = await db.ImportJobs.SingleAsync(j => j.Id == jobId, ct);
        var file = await db.ImportFiles.SingleAsync(f => f.JobId == jobId, ct);
        job.Status = plan.Accepted > 0 ? ImportStatus.Succeeded : ImportStatus.Rejected;
        job.FailureReason = plan.Processed == 0 ? ImportErrors.NoRows.Message : null;
        (job.ProcessedRows, job.AcceptedRows, job.RejectedRows) = (plan.Processed, plan.Accepted, plan.Rejected.Count);
        job.FinishedAt = clock.GetUtcNow();
        file.UploadCipher = null; // the clear-text workbook is not kept once its rows are in (or refused)
        file.ErrorsCipher = ErrorsOf(plan);
        plan.AddAcceptedTo(db);
        try
        {
            await db.SaveChangesAsync(ct); // one transaction: buildings, households, residents and the job's outcome
        }
        catch (DbUpdateException e)
        {
            // Typically an ID registered by someone else since validation; the transaction rolled back entirely.
            log.LogError(e, "Import job {JobId} failed to commit", jobId);
            await FailAsync(jobs, jobId, "提交失败，未写入任何数据（可能有身份证号刚被他人登记），请重新上传。", plan, ct);
        }
    }

    async Task FailAsync(CivicGridDbContext jobs, Guid jobId, string reason, ImportPlan plan, CancellationToken ct)
    {
        jobs.ChangeTracker.Clear();
        var job = await jobs.ImportJobs.SingleAsync(j => j.Id == jobId, ct);
        var file = await jobs.ImportFiles.SingleAsync(f => f.JobId == jobId, ct);
        job.Status = ImportStatus.Failed;
        job.FailureReason = reason;
        (job.ProcessedRows, job.AcceptedRows, job.RejectedRows) = (plan.Processed, 0, plan.Rejected.Count);
        job.FinishedAt = clock.GetUtcNow();
        file.UploadCipher = null;
        file.ErrorsCipher = ErrorsOf(plan);
        await jobs.SaveChangesAsync(ct);
    }

    byte[]? ErrorsOf(ImportPlan plan) =>
        plan.Rejected.Count == 0 ? null : ImportSheet.Encrypt(ImportSheet.ErrorWorkbook(plan.Rejected), protector);
}
