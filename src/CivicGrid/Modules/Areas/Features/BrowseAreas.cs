using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Areas.Features;

/// <summary>
/// GET /api/areas/tree[?parent=code]: the children of a node (or the caller's scope roots) with their counts of grids,
/// buildings, households and residents. GET /api/areas/{code}: one node with its path and counts.
/// </summary>
public static class BrowseAreas
{
    public sealed record Counts(int Grids, int Buildings, int Households, int Residents);
    public sealed record Node(string Code, string Name, AreaLevel Level, string? ParentCode, bool Retired, int Version, Counts Counts);
    public sealed record Detail(Node Area, IReadOnlyList<PathItem> Path, string[] Responsibilities, object? Boundary);
    public sealed record PathItem(string Code, string Name, AreaLevel Level);

    public static void Map(RouteGroupBuilder areas)
    {
        areas.MapGet("/tree", Tree).RequireAuthorization(Permissions.Areas.View);
        areas.MapGet("/{code:length(12,15)}", Get).RequireAuthorization(Permissions.Areas.View);
    }

    internal static async Task<IReadOnlyList<Node>> Tree(string? parent, bool? includeRetired, CivicGridDbContext db, CancellationToken ct)
    {
        IQueryable<Area> nodes;
        if (parent is null)
        {
            var rootCodes = db.Scope.IsUnrestricted ? null : db.Scope.AreaPrefixes.Select(AreaCodePrefix.ToCode).ToList();
            nodes = rootCodes is null ? db.Areas.Where(a => a.ParentCode == null) : db.Areas.Where(a => rootCodes.Contains(a.AreaCode));
        }
        else nodes = db.Areas.Where(a => a.ParentCode == parent);
        if (includeRetired != true) nodes = nodes.Where(a => a.RetiredAt == null);
        var list = await nodes.AsNoTracking().OrderBy(a => a.AreaCode).ToListAsync(ct);
        return await WithCounts(db, list, ct);
    }

    internal static async Task<Results<Ok<Detail>, NotFound>> Get(string code, CivicGridDbContext db, CancellationToken ct)
    {
        var area = await db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.AreaCode == code, ct);
        if (area is null) return TypedResults.NotFound();
        var ancestors = new List<string>();
        for (var c = area.Code.Parent; c is not null; c = c.Value.Parent) ancestors.Add(c.Value.Value);
        // The path shows names above the caller's scope too: a community worker may know which street they are in.
        var path = await db.Areas.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking()
            .Where(a => ancestors.Contains(a.AreaCode)).OrderBy(a => a.Level)
            .Select(a => new PathItem(a.AreaCode, a.Name, a.Level)).ToListAsync(ct);
        var node = (await WithCounts(db, [area], ct))[0];
        return TypedResults.Ok(new Detail(node, path, area.Responsibilities.ToArray(), area.Boundary is null ? null : GeoJson.ToObject(area.Boundary)));
    }

    /// <summary>Counts per node by code prefix, one grouped query per table whatever the number of nodes.</summary>
    internal static async Task<IReadOnlyList<Node>> WithCounts(CivicGridDbContext db, IReadOnlyList<Area> areas, CancellationToken ct)
    {
        if (areas.Count == 0) return [];
        var byLength = areas.GroupBy(a => a.Code.Prefix.Length);
        var counts = new Dictionary<string, Counts>();
        foreach (var group in byLength)
        {
            var len = group.Key;
            var prefixes = group.Select(a => a.Code.Prefix).ToList();
            var grids = await CountBy(db.Areas.Where(a => a.Level == AreaLevel.Grid && a.RetiredAt == null), len, prefixes, ct);
            var buildings = await CountBy(db.Buildings, len, prefixes, ct);
            var households = await CountBy(db.Households, len, prefixes, ct);
            var residents = await CountBy(db.Residents, len, prefixes, ct);
            foreach (var p in prefixes)
                counts[p] = new Counts(grids.GetValueOrDefault(p), buildings.GetValueOrDefault(p), households.GetValueOrDefault(p), residents.GetValueOrDefault(p));
        }
        return areas.Select(a => new Node(a.AreaCode, a.Name, a.Level, a.ParentCode, a.IsRetired, a.Version, counts[a.Code.Prefix])).ToList();
    }

    static async Task<Dictionary<string, int>> CountBy<T>(IQueryable<T> rows, int length, List<string> prefixes, CancellationToken ct) where T : class, IScoped
    {
        if (prefixes.Count == 1)
        {
            var p = prefixes[0];
            return new() { [p] = await rows.CountAsync(r => r.AreaCode.StartsWith(p), ct) };
        }
        var common = CommonPrefix(prefixes);
        return await rows.Where(r => r.AreaCode.StartsWith(common))
            .GroupBy(r => r.AreaCode.Substring(0, length))
            .Where(g => prefixes.Contains(g.Key))
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    static string CommonPrefix(List<string> values)
    {
        var first = values[0];
        var n = first.Length;
        foreach (var v in values) { n = Math.Min(n, v.Length); while (n > 0 && string.CompareOrdinal(first, 0, v, 0, n) != 0) n--; }
        return first[..n];
    }
}
