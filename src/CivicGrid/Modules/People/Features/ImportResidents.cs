using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// POST /api/residents/import (multipart, field "file"): accepts an .xlsx of households and residents made from the
/// template and answers 202 with the job to poll. The rows are validated and committed in the background (ImportProcessor).
/// </summary>
public static class ImportResidents
{
    public static void Map(RouteGroupBuilder residents) =>
        residents.MapPost("/import", Handle).RequireAuthorization(Permissions.People.Import)
            // API clients send a bearer token; the sign-in cookie is SameSite=Lax, so another site cannot post a form with it.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ImportErrors.MaxFileBytes + 64 * 1024))
            .Accepts<IFormFile>("multipart/form-data");

    static async Task<Results<Accepted<ImportProgress.Response>, ProblemHttpResult>> Handle(IFormFile? file, CivicGridDbContext db,
        CurrentUser user, PersonalDataProtector protector, ImportQueue queue, TimeProvider clock, CancellationToken ct)
    {
        if (file is null) return ImportErrors.FileInvalid.ToProblem();
        await using var stream = file.OpenReadStream();
        var started = await Start(stream, file.FileName, file.Length, db, user, protector, queue, clock, ct);
        if (started.IsError) return started.Error!.ToProblem();
        return TypedResults.Accepted($"/api/residents/import/{started.Value.Id}", ImportProgress.Response.Of(started.Value));
    }

    /// <summary>
    /// Checks an upload, stores it as a Pending job and queues it: the endpoint and the console's import page both come
    /// here. The stream is read only once the name, size and scope have passed.
    /// </summary>
    internal static async Task<Result<ImportJob>> Start(Stream file, string fileName, long length, CivicGridDbContext db,
        CurrentUser user, PersonalDataProtector protector, ImportQueue queue, TimeProvider clock, CancellationToken ct)
    {
        if (length == 0 || !fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return ImportErrors.FileInvalid;
        if (length > ImportErrors.MaxFileBytes) return ImportErrors.FileTooLarge;
        if (!user.Scope.IsUnrestricted && user.Scope.AreaPrefixes.Length == 0) return ImportErrors.NoScope;

        var bytes = new byte[length];
        await file.ReadExactlyAsync(bytes, ct);
        if (ImportSheet.Check(bytes) is { } invalid) return invalid;

        var job = new ImportJob
        {
            Id = Guid.NewGuid(), AccountId = user.Id!.Value, AccountName = user.UserName,
            ScopePrefixes = [.. user.Scope.AreaPrefixes], ScopeUnrestricted = user.Scope.IsUnrestricted,
            FileName = Path.GetFileName(fileName) is { Length: <= 200 } name ? name : "import.xlsx",
            Status = ImportStatus.Pending, CreatedAt = clock.GetUtcNow(),
        };
        db.ImportJobs.Add(job);
        db.ImportFiles.Add(new ImportFile { JobId = job.Id, UploadCipher = ImportSheet.Encrypt(bytes, protector) });
        await db.SaveChangesAsync(ct);
        // After the commit: a crash between the two leaves a Pending row, which any instance queues at its next recovery
        // (on start, then every minute).
        await queue.EnqueueAsync(job.Id, ct);
        return job;
    }
}
