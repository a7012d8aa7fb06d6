using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// 项目清单: the big party committee (community or street staff) defines the year's projects; units claim them.
/// A project belongs to a community or a street; it is open to the units that are alliance members there.
/// </summary>
public static class DefineProject
{
    public sealed record Request(string AreaCode, int Year, string Title, string Category, string? Description);
    public sealed record ClaimRequest(Guid? UnitId);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapPost("/projects", Define).RequireAuthorization(Permissions.CoBuilding.Manage);
        g.MapPost("/projects/{id:guid}/claim", Claim).RequireAuthorization(Permissions.CoBuilding.Take);
        g.MapPost("/projects/{id:guid}/evaluate", Evaluate).RequireAuthorization(Permissions.CoBuilding.Manage);
    }

    public static async Task<Results<Created<BrowseProjects.ProjectDetail>, ProblemHttpResult>> Define(Request r, CivicGridDbContext db,
        CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!Shared.AreaCode.TryParse(r.AreaCode, out var code) || code.Level is not (AreaLevel.Street or AreaLevel.Community))
            return CoBuildingErrors.AreaInvalid.ToProblem();
        if (!user.Scope.Covers(code.Value)) return CoBuildingErrors.OutsideScope.ToProblem();
        if (!Categories.Exists(r.Category)) return CoBuildingErrors.UnknownCategory.ToProblem();
        if (string.IsNullOrWhiteSpace(r.Title)) return CoBuildingErrors.TitleRequired.ToProblem();
        var now = clock.GetUtcNow();
        if (r.Year < now.Year - 1 || r.Year > now.Year + 1) return CoBuildingErrors.YearInvalid.ToProblem();
        var project = new Project
        {
            Id = Guid.CreateVersion7(now), AreaCode = code.Value, Year = r.Year, Title = Access.Clip(r.Title, 100), Category = r.Category,
            Description = Access.Clip(r.Description, 4000), Status = ProjectStatus.Open, CreatedAt = now,
        };
        db.CoBuildingProjects.Add(project);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/cobuilding/projects/{project.Id}", (await BrowseProjects.DetailAsync(db, project.Id, user, ct))!);
    }

    public static async Task<Results<Ok<BrowseProjects.ProjectDetail>, NotFound, ProblemHttpResult>> Claim(Guid id, ClaimRequest? r,
        CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var unit = Access.ActingUnit(user, r?.UnitId);
        if (unit.IsError) return unit.Error!.ToProblem();
        var project = await db.CoBuildingProjects.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return TypedResults.NotFound();
        if (project.ClaimBy(unit.Value, clock.GetUtcNow()) is { } error) return error.ToProblem();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CoBuildingErrors.ProjectTaken.ToProblem(); }
        return TypedResults.Ok((await BrowseProjects.DetailAsync(db, id, user, ct))!);
    }

    public sealed record EvaluateRequest(int Score, string? Comment);

    public static async Task<Results<Ok<BrowseProjects.ProjectDetail>, NotFound, ProblemHttpResult>> Evaluate(Guid id, EvaluateRequest r,
        CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var project = await db.CoBuildingProjects.SingleOrDefaultAsync(p => p.Id == id, ct);
        // Evaluating is the committee's: a unit that sees its own project cannot score it.
        if (project is null || !user.Scope.Covers(project.AreaCode)) return TypedResults.NotFound();
        var count = project.Entries.Count;
        if (project.Evaluate(r.Score, Access.Clip(r.Comment, 500), user.DisplayName, clock.GetUtcNow()) is { } error) return error.ToProblem();
        db.AddRange(project.Entries.Skip(count));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await BrowseProjects.DetailAsync(db, id, user, ct))!);
    }
}
