using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// The resource and need lists within the caller's scope, and the suggested matches (see <see cref="Matching"/>):
/// resources for a need — every unit's published resource in the district counts, since a published resource is an offer
/// to the whole district — and needs for a resource, among the needs the caller may see (for a unit, those open to it).
/// </summary>
public static class BrowseLists
{
    public const int SuggestionCount = 5;

    public sealed record ResourceView(Guid Id, Guid UnitId, string UnitName, string AreaCode, string Category, string CategoryName,
        string Title, string Description, string Capacity, double Longitude, double Latitude, string Address,
        DateTimeOffset AvailableFrom, DateTimeOffset? AvailableUntil, bool Withdrawn, int Version);
    public sealed record NeedView(Guid Id, string AreaCode, string Category, string CategoryName, string Title, string Description,
        NeedUrgency Urgency, double Longitude, double Latitude, string Address, NeedStatus Status, Guid? ClaimedByUnitId,
        string ClaimedByUnitName, DateTimeOffset? ClaimedAt, string ClaimNote, string? DeclineReason, DateTimeOffset PublishedAt, int Version);
    public sealed record ResourceMatch(ResourceView Resource, double Km, int Score);
    public sealed record NeedMatch(NeedView Need, double Km, int Score);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapGet("/categories", () => TypedResults.Ok(Categories.All));
        g.MapGet("/resources", Resources);
        g.MapGet("/resources/{id:guid}/matches", NeedsFor);
        g.MapGet("/needs", Needs);
        g.MapGet("/needs/{id:guid}", NeedDetail);
        g.MapGet("/needs/{id:guid}/matches", ResourcesFor);
    }

    public static async Task<Ok<List<ResourceView>>> Resources(string? category, bool? mine, bool? withdrawn, CivicGridDbContext db,
        CurrentUser user, CancellationToken ct)
    {
        var q = db.CoBuildingResources.AsNoTracking();
        if (category is { Length: > 0 }) q = q.Where(r => r.Category == category);
        if (mine == true) { var units = user.Scope.UnitIds; q = q.Where(r => units.Contains(r.UnitId)); }
        if (withdrawn != true) q = q.Where(r => !r.Withdrawn);
        var list = await q.OrderByDescending(r => r.PublishedAt).Take(500).ToListAsync(ct);
        var names = await Access.UnitNamesAsync(db, list.Select(r => (Guid?)r.UnitId), ct);
        return TypedResults.Ok(list.Select(r => View(r, names.Name(r.UnitId))).ToList());
    }

    public static async Task<Ok<List<NeedView>>> Needs(NeedStatus? status, string? category, bool? mine, CivicGridDbContext db,
        CurrentUser user, CancellationToken ct)
    {
        var q = db.CoBuildingNeeds.AsNoTracking();
        if (status is { } s) q = q.Where(n => n.Status == s);
        if (category is { Length: > 0 }) q = q.Where(n => n.Category == category);
        if (mine == true) { var units = user.Scope.UnitIds; q = q.Where(n => n.ClaimedByUnitId != null && units.Contains(n.ClaimedByUnitId.Value)); }
        var list = await q.OrderByDescending(n => n.Urgency).ThenByDescending(n => n.PublishedAt).Take(500).ToListAsync(ct);
        var names = await Access.UnitNamesAsync(db, list.Select(n => n.ClaimedByUnitId), ct);
        return TypedResults.Ok(list.Select(n => View(n, names.Name(n.ClaimedByUnitId))).ToList());
    }

    public static async Task<Results<Ok<NeedView>, NotFound>> NeedDetail(Guid id, CivicGridDbContext db, CancellationToken ct)
    {
        var need = await db.CoBuildingNeeds.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return TypedResults.NotFound();
        var names = await Access.UnitNamesAsync(db, [need.ClaimedByUnitId], ct);
        return TypedResults.Ok(View(need, names.Name(need.ClaimedByUnitId)));
    }

    public static async Task<Results<Ok<List<ResourceMatch>>, NotFound>> ResourcesFor(Guid id, CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var need = await db.CoBuildingNeeds.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return TypedResults.NotFound();
        var district = need.AreaCode[..6];
        var candidates = await db.CoBuildingResources.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking()
            .Where(r => r.Category == need.Category && !r.Withdrawn && r.AreaCode.StartsWith(district)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var scored = candidates.Select(r => (r, m: Matching.Score(need, r, now))).Where(x => x.m is not null)
            .OrderByDescending(x => x.m!.Score).ThenBy(x => x.m!.Km).Take(SuggestionCount).ToList();
        var names = await Access.UnitNamesAsync(db, scored.Select(x => (Guid?)x.r.UnitId), ct);
        return TypedResults.Ok(scored.Select(x => new ResourceMatch(View(x.r, names.Name(x.r.UnitId)), x.m!.Km, x.m.Score)).ToList());
    }

    public static async Task<Results<Ok<List<NeedMatch>>, NotFound>> NeedsFor(Guid id, CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var resource = await db.CoBuildingResources.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null) return TypedResults.NotFound();
        var candidates = await db.CoBuildingNeeds.AsNoTracking()
            .Where(n => n.Category == resource.Category && n.Status == NeedStatus.Open).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(candidates.Select(n => (n, m: Matching.Score(n, resource, now))).Where(x => x.m is not null)
            .OrderByDescending(x => x.m!.Score).ThenBy(x => x.m!.Km).Take(SuggestionCount)
            .Select(x => new NeedMatch(View(x.n, ""), x.m!.Km, x.m.Score)).ToList());
    }

    public static ResourceView View(Resource r, string unitName) => new(r.Id, r.UnitId, unitName, r.AreaCode, r.Category,
        Categories.NameOf(r.Category), r.Title, r.Description, r.Capacity, r.Longitude, r.Latitude, r.Address, r.AvailableFrom,
        r.AvailableUntil, r.Withdrawn, r.Version);

    public static NeedView View(Need n, string claimedBy) => new(n.Id, n.AreaCode, n.Category, Categories.NameOf(n.Category), n.Title,
        n.Description, n.Urgency, n.Longitude, n.Latitude, n.Address, n.Status, n.ClaimedByUnitId, claimedBy, n.ClaimedAt, n.ClaimNote,
        n.DeclineReason, n.PublishedAt, n.Version);
}
