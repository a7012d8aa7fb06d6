using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// Photos (before/after) and documents for a report or a transition: uploaded first, checked by their bytes, then named
/// by id in the report or transition. Several files in one multipart request; all are refused if one is.
/// </summary>
public static class UploadFiles
{
    public sealed record Uploaded(Guid Id, string FileName, string ContentType, long Size);

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/uploads", Handle).RequireAuthorization().DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(200L * 1024 * 1024));

    static async Task<Results<Ok<List<Uploaded>>, ProblemHttpResult>> Handle(
        IFormFileCollection files, CivicGridDbContext db, CurrentUser user, IFileStore store, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        if (AllowedUpload.CheckCount(files.Count, limits) is { } tooMany) return tooMany.ToProblem();
        if (files.Count == 0) return FileErrors.Empty.ToProblem();
        var checkedFiles = new List<(IFormFile File, UploadKind Kind)>();
        foreach (var file in files)
        {
            var head = new byte[AllowedUpload.HeadLength];
            await using (var s = file.OpenReadStream()) head = head[..await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct)];
            var kind = AllowedUpload.Check(head, file.Length, file.ContentType, limits);
            if (kind.IsError) return kind.Error!.ToProblem(new Dictionary<string, object?> { ["file"] = file.FileName });
            checkedFiles.Add((file, kind.Value));
        }
        var now = clock.GetUtcNow();
        var uploads = new List<Upload>();
        foreach (var (file, kind) in checkedFiles)
        {
            await using var s = file.OpenReadStream();
            var key = await store.SaveAsync(s, kind.Extension, ct);
            var name = Path.GetFileName(file.FileName);
            uploads.Add(new Upload
            {
                Id = Guid.CreateVersion7(now), AccountId = user.Id, FileName = name.Length > 200 ? name[..200] : name,
                ContentType = kind.ContentType, Size = file.Length, StorageKey = key, At = now,
            });
        }
        db.Uploads.AddRange(uploads);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(uploads.Select(u => new Uploaded(u.Id, u.FileName, u.ContentType, u.Size)).ToList());
    }
}
