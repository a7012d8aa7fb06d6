using System.Text.Json;
using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace CivicGrid.Modules.Areas.Features;

/// <summary>
/// Grid polygons of one community as GeoJSON: GET exports a FeatureCollection; PUT imports one. Each feature names an
/// existing grid of the community by <c>properties.code</c>. The import is all or nothing: any bad feature rejects the
/// file with a per-feature report.
/// </summary>
public static class GridGeoJson
{
    /// <summary>Overlaps and gaps smaller than this (square degrees, ≈ 1 m² at these latitudes) are drawing noise, not errors.</summary>
    public const double AreaTolerance = 1e-10;

    public sealed record FeatureError(int Index, string? Code, string Error, string Message);
    public sealed record ImportResult(int Updated);

    public static void Map(RouteGroupBuilder areas)
    {
        areas.MapGet("/{code:length(12)}/grids.geojson", Export).RequireAuthorization(Permissions.Areas.View);
        areas.MapPut("/{code:length(12)}/grids.geojson", Import).RequireAuthorization(Permissions.Areas.Manage)
            .Accepts<object>("application/geo+json", "application/json");
    }

    static async Task<IResult> Export(string code, CivicGridDbContext db, CancellationToken ct)
    {
        var collection = await Collection(code, db, ct);
        if (collection is null) return TypedResults.NotFound();
        var json = JsonSerializer.Serialize(collection, GeoJson.Options);
        return Results.Text(json, "application/geo+json", System.Text.Encoding.UTF8);
    }

    /// <summary>The community's grids as features (code, name, responsibilities), or null when the community is not in scope.</summary>
    internal static async Task<FeatureCollection?> Collection(string code, CivicGridDbContext db, CancellationToken ct)
    {
        var community = await db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.AreaCode == code && a.Level == AreaLevel.Community, ct);
        if (community is null) return null;
        var grids = await db.Areas.AsNoTracking()
            .Where(a => a.ParentCode == code && a.Level == AreaLevel.Grid && a.RetiredAt == null && a.Boundary != null)
            .OrderBy(a => a.AreaCode).ToListAsync(ct);
        var collection = new FeatureCollection();
        foreach (var g in grids)
            collection.Add(new Feature(g.Boundary, new AttributesTable
            {
                { "code", g.AreaCode }, { "name", g.Name }, { "responsibilities", g.Responsibilities.ToArray() },
            }));
        return collection;
    }

    static async Task<Results<Ok<ImportResult>, NotFound, ProblemHttpResult>> Import(
        string code, HttpRequest http, CivicGridDbContext db, GridLocator locator, CancellationToken ct)
    {
        var community = await db.Areas.AsNoTracking().SingleOrDefaultAsync(a => a.AreaCode == code && a.Level == AreaLevel.Community && a.RetiredAt == null, ct);
        if (community is null) return TypedResults.NotFound();

        FeatureCollection? collection;
        try { collection = await JsonSerializer.DeserializeAsync<FeatureCollection>(http.Body, GeoJson.Options, ct); }
        catch (JsonException) { collection = null; }
        if (collection is null || collection.Count == 0) return Malformed.ToProblem();

        var grids = await db.Areas.Where(a => a.ParentCode == code && a.Level == AreaLevel.Grid && a.RetiredAt == null).ToDictionaryAsync(a => a.AreaCode, ct);
        var errors = new List<FeatureError>();
        var accepted = new List<(Area Grid, Polygon Polygon, string? Name, int Index)>();
        var seen = new HashSet<string>();
        for (var i = 0; i < collection.Count; i++)
        {
            var f = collection[i];
            var fcode = f.Attributes?.Exists("code") == true ? f.Attributes["code"]?.ToString() : null;
            FeatureError Fail(string error, string message) => new(i, fcode, error, message);
            if (fcode is null) { errors.Add(Fail("grid.code_missing", "要素缺少 properties.code。")); continue; }
            if (!seen.Add(fcode)) { errors.Add(Fail("grid.code_duplicate", "文件中网格代码重复。")); continue; }
            if (!grids.TryGetValue(fcode, out var grid)) { errors.Add(Fail("grid.code_unknown", "本社区没有此网格代码。")); continue; }
            var polygon = f.Geometry switch
            {
                Polygon p => p,
                MultiPolygon { NumGeometries: 1 } m => (Polygon)m.GetGeometryN(0),
                _ => null,
            };
            if (polygon is null) { errors.Add(Fail("grid.not_polygon", "几何类型须为 Polygon。")); continue; }
            var validity = new IsValidOp(polygon).ValidationError;
            if (validity is not null)
            {
                errors.Add(Fail("grid.polygon_invalid", $"多边形无效：{validity.Message}（{validity.Coordinate?.X:F6}, {validity.Coordinate?.Y:F6}）。"));
                continue;
            }
            if (polygon.Coordinates.Any(c => c.X is < -180 or > 180 || c.Y is < -90 or > 90))
            { errors.Add(Fail("grid.out_of_range", "坐标超出经纬度范围。")); continue; }
            polygon.SRID = 4326;
            var name = f.Attributes!.Exists("name") ? f.Attributes["name"]?.ToString() : null;
            accepted.Add((grid, polygon, name, i));
        }

        // Overlaps, among the file's features and against the community's grids the file leaves as they are.
        var final = grids.Values.Where(g => g.Boundary is not null && !accepted.Any(a => a.Grid == g))
            .Select(g => (Code: g.AreaCode, Polygon: g.Boundary!, Index: -1))
            .Concat(accepted.Select(a => (Code: a.Grid.AreaCode, a.Polygon, a.Index)))
            .ToList();
        for (var i = 0; i < final.Count; i++)
            for (var j = i + 1; j < final.Count; j++)
            {
                if (final[i].Index < 0 && final[j].Index < 0) continue;
                if (!final[i].Polygon.EnvelopeInternal.Intersects(final[j].Polygon.EnvelopeInternal)) continue;
                var overlap = final[i].Polygon.Intersection(final[j].Polygon).Area;
                if (overlap > AreaTolerance)
                {
                    var (at, other) = final[i].Index >= 0 ? (final[i], final[j]) : (final[j], final[i]);
                    errors.Add(new(at.Index, at.Code, "grid.overlap", $"与网格 {other.Code} 重叠（约 {overlap * 1.2e10:F0} 平方米）。"));
                }
            }
        // Gaps: holes inside the union of the community's grids (a community is tiled without gaps).
        if (errors.Count == 0 && final.Count > 1)
        {
            var union = NetTopologySuite.Operation.Union.CascadedPolygonUnion.Union(final.Select(f => (NetTopologySuite.Geometries.Geometry)f.Polygon).ToList());
            var holes = Enumerable.Range(0, union.NumGeometries).Select(n => (Polygon)union.GetGeometryN(n))
                .SelectMany(p => p.Holes).Where(h => h.Factory.CreatePolygon(h).Area > AreaTolerance).ToList();
            foreach (var hole in holes)
                errors.Add(new(-1, null, "grid.gap", $"网格之间存在缝隙（约 {hole.Factory.CreatePolygon(hole).Area * 1.2e10:F0} 平方米，位于 {hole.Centroid.X:F6}, {hole.Centroid.Y:F6}）。"));
        }

        if (errors.Count > 0)
            return Rejected.ToProblem(new Dictionary<string, object?> { ["errors"] = errors.OrderBy(e => e.Index).ToList() });

        foreach (var (grid, polygon, name, _) in accepted)
        {
            grid.Boundary = polygon;
            if (!string.IsNullOrWhiteSpace(name)) grid.Name = name.Trim();
        }
        await db.SaveChangesAsync(ct);
        await locator.RefreshAsync(force: true, ct);
        return TypedResults.Ok(new ImportResult(accepted.Count));
    }

    static readonly Error Malformed = Error.Validation("geojson.malformed", "文件不是有效的 GeoJSON FeatureCollection，或不含任何要素。");
    static readonly Error Rejected = Error.Validation("geojson.rejected", "导入被拒绝：部分要素有错误，未导入任何数据。请按错误清单修改后重新导入。");
}
