using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// The claiming unit's work on its project: the plan with milestones (倒排工期), progress reports with photos, and the
/// completion proof. Photos go up first through the shared upload (<c>POST /api/cases/uploads</c>) and are named here by
/// id, exactly like a case's. Another unit's project is 404 (it cannot see it); staff may plan on the unit's behalf.
/// </summary>
public static class WorkOnProject
{
    public sealed record PlanRequest(string? Plan, List<Project.MilestoneSpec>? Milestones);
    public sealed record ProgressRequest(string Text, Guid? MilestoneDone, Guid[]? PhotoIds);
    public sealed record CompleteRequest(string? Text, Guid[]? PhotoIds);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapPut("/projects/{id:guid}/plan", Plan);
        g.MapPost("/projects/{id:guid}/progress", Progress).RequireAuthorization(Permissions.CoBuilding.Take);
        g.MapPost("/projects/{id:guid}/complete", Complete).RequireAuthorization(Permissions.CoBuilding.Take);
    }

    public static async Task<Results<Ok<BrowseProjects.ProjectDetail>, NotFound, ProblemHttpResult>> Plan(Guid id, PlanRequest r,
        CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!user.Can(Permissions.CoBuilding.Take) && !user.Can(Permissions.CoBuilding.Manage)) return TypedResults.Problem(statusCode: 403);
        var project = await LoadAsync(db, id, ct);
        if (project is null) return TypedResults.NotFound();
        if (!user.Scope.Covers(project.AreaCode) && Own(user, project) is { } notOwn) return notOwn.ToProblem();
        var count = project.Milestones.Count;
        if (project.PlanWith(Access.Clip(r.Plan, 4000), r.Milestones ?? [], clock.GetUtcNow()) is { } error) return error.ToProblem();
        db.AddRange(project.Milestones.Skip(count));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await BrowseProjects.DetailAsync(db, id, user, ct))!);
    }

    public static async Task<Results<Ok<BrowseProjects.ProjectDetail>, NotFound, ProblemHttpResult>> Progress(Guid id, ProgressRequest r,
        CivicGridDbContext db, CurrentUser user, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        var project = await LoadAsync(db, id, ct);
        if (project is null) return TypedResults.NotFound();
        if (Own(user, project) is { } notOwn) return notOwn.ToProblem();
        if (string.IsNullOrWhiteSpace(r.Text)) return CoBuildingErrors.TitleRequired.ToProblem();
        var now = clock.GetUtcNow();
        var photos = await PhotosAsync(db, user, r.PhotoIds, limits, now, ct);
        if (photos.IsError) return photos.Error!.ToProblem();
        var count = project.Entries.Count;
        if (project.ReportProgress(Access.Clip(r.Text, 2000), r.MilestoneDone, user.DisplayName, photos.Value, now) is { } error) return error.ToProblem();
        db.AddRange(project.Entries.Skip(count));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await BrowseProjects.DetailAsync(db, id, user, ct))!);
    }

    public static async Task<Results<Ok<BrowseProjects.ProjectDetail>, NotFound, ProblemHttpResult>> Complete(Guid id, CompleteRequest r,
        CivicGridDbContext db, CurrentUser user, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        var project = await LoadAsync(db, id, ct);
        if (project is null) return TypedResults.NotFound();
        if (Own(user, project) is { } notOwn) return notOwn.ToProblem();
        var now = clock.GetUtcNow();
        var photos = await PhotosAsync(db, user, r.PhotoIds, limits, now, ct);
        if (photos.IsError) return photos.Error!.ToProblem();
        var count = project.Entries.Count;
        if (project.Complete(Access.Clip(r.Text, 2000), user.DisplayName, photos.Value, now) is { } error) return error.ToProblem();
        db.AddRange(project.Entries.Skip(count));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await BrowseProjects.DetailAsync(db, id, user, ct))!);
    }

    static Task<Project?> LoadAsync(CivicGridDbContext db, Guid id, CancellationToken ct) =>
        db.CoBuildingProjects.Include(p => p.Milestones).Include(p => p.Entries).SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>Only the claiming unit reports on a project; a member unit that sees it open has not claimed it.</summary>
    static Error? Own(CurrentUser user, Project project)
    {
        var unit = Access.ActingUnit(user, project.ClaimedByUnitId ?? Guid.Empty);
        return unit.IsError ? (project.ClaimedByUnitId is null ? CoBuildingErrors.ProjectState : CoBuildingErrors.ProjectNotYours) : null;
    }

    static async Task<Result<IReadOnlyList<ProjectPhoto>>> PhotosAsync(CivicGridDbContext db, CurrentUser user, Guid[]? ids, UploadLimits limits,
        DateTimeOffset now, CancellationToken ct)
    {
        var files = await CaseUploads.TakeAsync(db, user, ids, limits, now, ct);
        if (files.IsError) return files.Error!;
        return Result<IReadOnlyList<ProjectPhoto>>.Ok(files.Value.Select(f => new ProjectPhoto
        {
            Id = Guid.CreateVersion7(now), FileName = f.FileName, ContentType = f.ContentType, Size = f.Size, StorageKey = f.StorageKey,
        }).ToList());
    }
}
