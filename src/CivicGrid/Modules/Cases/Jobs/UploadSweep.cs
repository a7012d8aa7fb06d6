using CivicGrid.Jobs;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Jobs;

/// <summary>
/// Deletes uploads nobody attached within <see cref="Upload.Keep"/>: a report abandoned after its photos went up, a form
/// refused after it stored its files. Their rows and their bytes would otherwise stay forever. An upload that old can no
/// longer be attached (<see cref="Upload.Usable"/>), so its bytes may go before the row's deletion commits. On PostgreSQL
/// each batch is claimed <c>FOR UPDATE SKIP LOCKED</c>, like the other sweeps (<see cref="SkipLockedSweep"/>).
/// </summary>
public sealed class UploadSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, IFileStore store, ILogger<UploadSweep> log)
    : SkipLockedSweep(scopes, clock, config, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<List<Guid>> ClaimAsync(CivicGridDbContext db, DateTimeOffset now, int batch, CancellationToken ct)
    {
        var before = now - Upload.Keep;
        if (db.Database.IsNpgsql())
            return await db.Database.SqlQuery<Guid>($"""
                SELECT "Id" AS "Value" FROM "Uploads" WHERE "UsedAt" IS NULL AND "At" < {before}
                LIMIT {batch}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(ct);
        return await db.Uploads.Where(u => u.UsedAt == null && u.At < before).OrderBy(u => u.Id).Select(u => u.Id).Take(batch).ToListAsync(ct);
    }

    protected override async Task<int> ApplyAsync(CivicGridDbContext db, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var uploads = await db.Uploads.Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        foreach (var u in uploads) await store.DeleteAsync(u.StorageKey, ct);
        db.Uploads.RemoveRange(uploads);
        return uploads.Count;
    }
}
