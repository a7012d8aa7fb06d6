using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>Projects within scope: a unit sees its own and those still open to it; staff those of their area.</summary>
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
        return TypedResults.Ok(list.Select(p => View(p, names)).ToList());
    }

    public static async Task<Results<Ok<ProjectDetail>, NotFound>> Get(Guid id, CivicGridDbContext db, CancellationToken ct) =>
        await DetailAsync(db, id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    public static async Task<Results<FileStreamHttpResult, NotFound>> Photo(Guid id, Guid photoId, CivicGridDbContext db, IFileStore store, CancellationToken ct)
    {
        if (!await db.CoBuildingProjects.AnyAsync(p => p.Id == id, ct)) return TypedResults.NotFound(); // outside scope looks missing
        var photo = await db.Set<ProjectPhoto>().AsNoTracking()
            .SingleOrDefaultAsync(f => f.Id == photoId && db.Set<ProjectEntry>().Any(e => e.Id == f.EntryId && e.ProjectId == id), ct);
        if (photo is null || await store.OpenAsync(photo.StorageKey, ct) is not { } stream) return TypedResults.NotFound();
        return TypedResults.File(stream, photo.ContentType, photo.FileName);
    }

    static ProjectView View(Project p, Dictionary<Guid, string> names) => new(p.Id, p.AreaCode, p.Year, p.Title, p.Category,
        Categories.NameOf(p.Category), p.Status, p.ClaimedByUnitId, names.Name(p.ClaimedByUnitId), p.Score, p.Milestones.Count,
        p.Milestones.Count(m => m.DoneAt != null), p.Milestones.Count(m => m.LateFlaggedAt != null && m.DoneAt == null), p.Version);

    public static async Task<ProjectDetail?> DetailAsync(CivicGridDbContext db, Guid id, CancellationToken ct)
    {
        var p = await db.CoBuildingProjects.AsNoTracking().Include(x => x.Milestones).Include(x => x.Entries).ThenInclude(e => e.Photos)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var names = await Access.UnitNamesAsync(db, [p.ClaimedByUnitId], ct);
        return new ProjectDetail(View(p, names), p.Description, p.Plan, p.Evaluation,
            p.Milestones.OrderBy(m => m.Seq).Select(m => new MilestoneView(m.Id, m.Seq, m.Title, m.Due, m.DoneAt, m.LateFlaggedAt)).ToList(),
            p.Entries.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new EntryView(e.Id, e.Kind, e.Text, e.MilestoneId, e.ByName, e.At,
                e.Photos.Select(f => new PhotoView(f.Id, f.FileName, f.ContentType, f.Size, $"/api/cobuilding/projects/{id}/photos/{f.Id}")).ToList())).ToList());
    }
}
