using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// Turns upload ids named in a report or transition into stored files: only the caller's own, each used once, and no more
/// than <see cref="UploadLimits.MaxFilesPerTransition"/> (ids may come from several upload requests).
/// </summary>
public static class CaseUploads
{
    public static readonly Error UploadUnknown = Error.Validation("case.upload_unknown", "附件不存在、已使用或已过期，请重新上传。");

    public static async Task<Result<IReadOnlyList<StoredFile>>> TakeAsync(CivicGridDbContext db, CurrentUser user, Guid[]? ids, UploadLimits limits,
        DateTimeOffset now, CancellationToken ct)
    {
        if (ids is null || ids.Length == 0) return Result<IReadOnlyList<StoredFile>>.Ok([]);
        var distinct = ids.Distinct().ToArray();
        if (AllowedUpload.CheckCount(distinct.Length, limits) is { } tooMany) return tooMany;
        var uploads = await db.Uploads.Where(Upload.Usable(now)).Where(u => distinct.Contains(u.Id) && u.AccountId == user.Id).ToListAsync(ct);
        if (uploads.Count != distinct.Length) return UploadUnknown;
        foreach (var u in uploads) u.UsedAt = now;
        return Result<IReadOnlyList<StoredFile>>.Ok(distinct.Select(id => uploads.Single(u => u.Id == id).ToStoredFile()).ToList());
    }
}
