using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// Projects within scope: a unit sees its own and those still open to it; staff those of their area. Another unit's
/// claimed project stays on a unit's board (so a late claim hears "taken", not "missing"), but its plan, progress,
/// photos and score are its claimant's and the area's: to anyone else the detail is 404 and the score left out.
/// </summary>
public static class BrowseProjects
{
    public sealed record ProjectView(Guid Id, string AreaCode, int Year, string Title, string Category, string CategoryName,
        ProjectStatus Status, Guid? ClaimedByUnitId, string ClaimedByUnitName, int? Score, int Milestones, int MilestonesDone,
        int MilestonesLate, int Version);
    public sealed record MilestoneView(Guid Id, int Seq, string Title, DateTimeOffset Due, DateTimeOffset? DoneAt, DateTimeOffset? LateFlaggedAt);
    public sealed record PhotoView(Guid Id, string FileName, string ContentType, long Size, string Url);
    public sealed record EntryView(Guid Id, ProjectEntryKind Kind, string Text, Guid? MilestoneId, string ByName, DateTimeOffset At, List<PhotoView> Photos);
    public sealed record ProjectDetail(ProjectView Project, string Description, string Plan, string Evaluation,
        List<MilestoneView> Milestones, List<EntryView> Entries);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/projects", List);
        g.MapGet("/projects/{id:guid}", Get);
        g.MapGet("/projects/{id:guid}/photos/{photoId:guid}", Photo);
    }

    public static async Task<Ok<List<ProjectView>>> List(int? year, ProjectStatus? status, bool? mine, CivicGridDbContext db,
        Shared.CurrentUser user, CancellationToken ct)
    {
        var q = db.CoBuildingProjects.AsNoTracking().Include(p => p.Milestones).AsQueryable();
        if (year is { } y) q = q.Where(p => p.Year == y);
        if (status is { } s) q = q.Where(p => p.Status == s);
        if (mine == true) { var units = user.Scope.UnitIds; q = q.Where(p => p.ClaimedByUnitId != null && units.Contains(p.ClaimedByUnitId.Value)); }
        var list = await q.OrderByDescending(p => p.Year).ThenBy(p => p.Title).Take(500).ToListAsync(ct);
        var names = await Access.UnitNamesAsync(db, list.Select(p => p.ClaimedByUnitId), ct);
        return TypedResults.Ok(list.Select(p => View(p, names) with { Score = MayRead(p, user) ? p.Score : null }).ToList());
    }

    /// <summary>Whether the caller reads the project's plan, progress, photos and score: the area's staff, the claiming unit, or anyone while it is open.</summary>
    public static bool MayRead(Project p, Shared.CurrentUser user) =>
        user.Scope.Covers(p.AreaCode) || p.ClaimedByUnitId is not { } unit || user.Scope.UnitIds.Contains(unit);

    public static async Task<Results<Ok<ProjectDetail>, NotFound>> Get(Guid id, CivicGridDbContext db, Shared.CurrentUser user, CancellationToken ct) =>
        await DetailAsync(db, id, user, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    public static async Task<Results<FileStreamHttpResult, NotFound>> Photo(Guid id, Guid photoId, CivicGridDbContext db, Shared.CurrentUser user,
        IFileStore store, CancellationToken ct)
    {
        var project = await db.CoBuildingProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (project is null || !MayRead(project, user)) return TypedResults.NotFound(); // outside scope looks missing
        var photo = await db.Set<ProjectPhoto>().AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == photoId && db.Set<ProjectEntry>().Any(e => e.Id == f.EntryId && e.ProjectId == id), ct);
        if (photo is null || await store.OpenAsync(photo.StorageKey, ct) is not { } stream) return TypedResults.NotFound();
        return TypedResults.File(stream, photo.ContentType, photo.FileName);
    }

    static ProjectView View(Project p, Dictionary<Guid, string> names) => new(p.Id, p.AreaCode, p.Year, p.Title, p.Category,
        Categories.NameOf(p.Category), p.Status, p.ClaimedByUnitId, names.Name(p.ClaimedByUnitId), p.Score, p.Milestones.Count,
        p.Milestones.Count(m => m.DoneAt != null), p.Milestones.Count(m => m.LateFlaggedAt != null && m.DoneAt == null), p.Version);

    /// <summary>The project as <paramref name="user"/> may read it; null when missing or not theirs to read (<see cref="MayRead"/>).</summary>
    public static async Task<ProjectDetail?> DetailAsync(CivicGridDbContext db, Guid id, Shared.CurrentUser user, CancellationToken ct)
    {
        var p = await db.CoBuildingProjects.AsNoTracking().Include(x => x.Milestones).Include(x => x.Entries).ThenInclude(e => e.Photos)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null || !MayRead(p, user)) return null;
        var names = await Access.UnitNamesAsync(db, [p.ClaimedByUnitId], ct);
        return new ProjectDetail(View(p, names), p.Description, p.Plan, p.Evaluation,
            p.Milestones.OrderBy(m => m.Seq).Select(m => new MilestoneView(m.Id, m.Seq, m.Title, m.Due, m.DoneAt, m.LateFlaggedAt)).ToList(),
            p.Entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new EntryView(e.Id, e.Kind, e.Text, e.MilestoneId, e.ByName, e.At,
                e.Photos.Select(f => new PhotoView(f.Id, f.FileName, f.ContentType, f.Size, $"/api/cobuilding/projects/{id}/photos/{f.Id}")).ToList())).ToList());
    }
}
