using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>
/// GET /api/residents/import/{id} — an import job's status and progress.
/// GET /api/residents/import/{id}/errors.xlsx — its rejected rows, every original column plus 行号 and 错误原因.
/// Only the uploader's scope (or a wider one) sees a job; anyone else gets 404.
/// </summary>
public static class ImportProgress
{
    public sealed record Response(Guid Id, ImportStatus Status, string FileName, int TotalRows, int ProcessedRows,
        int AcceptedRows, int RejectedRows, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? ErrorsUrl)
    {
        public static Response Of(ImportJob job) => new(job.Id, job.Status, job.FileName, job.TotalRows, job.ProcessedRows,
            job.AcceptedRows, job.RejectedRows, job.FailureReason, job.CreatedAt, job.FinishedAt,
            job.IsFinished && job.RejectedRows > 0 ? $"/api/residents/import/{job.Id}/errors.xlsx" : null);
    }

    public static void Map(RouteGroupBuilder residents)
    {
        residents.MapGet("/import/{id:guid}", Get).RequireAuthorization(Permissions.People.Import);
        residents.MapGet("/import/{id:guid}/errors.xlsx", Errors).RequireAuthorization(Permissions.People.Import);
    }

    static async Task<Results<Ok<Response>, NotFound>> Get(Guid id, CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        var job = await Visible(id, db, user, ct);
        return job is null ? TypedResults.NotFound() : TypedResults.Ok(Response.Of(job));
    }

    static async Task<Results<FileContentHttpResult, NotFound>> Errors(Guid id, CivicGridDbContext db, CurrentUser user,
        PersonalDataProtector protector, CancellationToken ct)
    {
        if (await Visible(id, db, user, ct) is null) return TypedResults.NotFound();
        var cipher = await db.ImportFiles.Where(f => f.JobId == id).Select(f => f.ErrorsCipher).SingleOrDefaultAsync(ct);
        if (cipher is null) return TypedResults.NotFound();
        return TypedResults.File(ImportSheet.Decrypt(cipher, protector), ImportSheet.ContentType, $"import-errors-{id:N}.xlsx");
    }

    // The job row carries a set of scope prefixes rather than one area code, so visibility is checked here, not by the
    // DataScope query filter; the answer outside scope is the same 404 as for a missing job.
    internal static async Task<ImportJob?> Visible(Guid id, CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        return job is not null && job.IsVisibleTo(user.Scope) ? job : null;
    }
}
