using CivicGrid.Modules.Cases.Domain;
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

    /// <summary>A file as it arrives, from a form post or the console's file picker; <see cref="Open"/> may be called more than once.</summary>
    public sealed record Incoming(string FileName, long Length, string? ContentType, Func<Stream> Open);

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/uploads", Handle).RequireAuthorization().DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(200L * 1024 * 1024));

    static async Task<Results<Ok<List<Uploaded>>, ProblemHttpResult>> Handle(
        IFormFileCollection files, CivicGridDbContext db, CurrentUser user, IFileStore store, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        var stored = await StoreAsync(files.Select(f => new Incoming(f.FileName, f.Length, f.ContentType, f.OpenReadStream)).ToList(),
            db, user, store, limits, clock.GetUtcNow(), ct);
        if (stored.Error is { } error) return error.ToProblem(stored.Rejected is { } name ? new Dictionary<string, object?> { ["file"] = name } : null);
        return TypedResults.Ok(stored.Files);
    }

    /// <summary>What was stored, or why nothing was and (when one file was the reason) which.</summary>
    public sealed record Stored(List<Uploaded> Files, Error? Error = null, string? Rejected = null);

    /// <summary>Checks every file by its bytes (<see cref="AllowedUpload"/>), then stores them all and saves their upload rows.</summary>
    public static async Task<Stored> StoreAsync(IReadOnlyList<Incoming> files, CivicGridDbContext db, CurrentUser user, IFileStore store,
        UploadLimits limits, DateTimeOffset now, CancellationToken ct)
    {
        if (AllowedUpload.CheckCount(files.Count, limits) is { } tooMany) return new([], tooMany);
        if (files.Count == 0) return new([], FileErrors.Empty);
        var checkedFiles = new List<(Incoming File, UploadKind Kind)>();
        foreach (var file in files)
        {
            var head = new byte[AllowedUpload.HeadLength];
            await using (var s = file.Open()) head = head[..await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct)];
            var kind = AllowedUpload.Check(head, file.Length, file.ContentType, limits);
            if (kind.IsError) return new([], kind.Error, file.FileName);
            checkedFiles.Add((file, kind.Value));
        }
        var uploads = new List<Upload>();
        try
        {
            foreach (var (file, kind) in checkedFiles)
            {
                await using var s = file.Open();
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
        }
        catch
        {
            // A later file or the save failed: the request stores nothing, so no bytes stay behind without their row.
            foreach (var u in uploads) await store.DeleteAsync(u.StorageKey, CancellationToken.None);
            throw;
        }
        return new(uploads.Select(u => new Uploaded(u.Id, u.FileName, u.ContentType, u.Size)).ToList());
    }
}
