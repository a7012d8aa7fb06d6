using System.Text.Json;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;

namespace CivicGrid.Web.Components.Pages.Mobile;

/// <summary>
/// The grid outlines on the phone's report map: the reporter's own grid (their household's, or a grid worker's) drawn
/// stronger, with the rest of its community around it; staff see the grids of their area. Without tiles these outlines
/// are all the map shows, so a pin can only be placed with them.
/// </summary>
public static class ReportMap
{
    /// <summary>Enough for a street; a district-wide account sees the first grids by code and relies on GPS.</summary>
    const int MaxGrids = 200;

    public static async Task<string> GeoJsonAsync(CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        var scope = user.Scope;
        var home = scope.AreaPrefixes is [{ Length: 15 } grid] ? grid : null;
        if (home is null && scope.ResidentId is { } me)
            home = await db.Residents.AsNoTracking().Where(r => r.Id == me).Select(r => r.AreaCode).SingleOrDefaultAsync(ct);
        // A grid worker's and a resident's map widens to their community: problems sit near boundaries too.
        string[] prefixes = scope.IsUnrestricted ? [""]
            : scope.AreaPrefixes.Length > 0 ? scope.AreaPrefixes.Select(p => p.Length > 12 ? p[..12] : p).Distinct().ToArray()
            : home is { Length: >= 12 } ? [home[..12]]
            : [];

        // Grid outlines are not personal data: a resident, whose scope holds no areas, still sees their community's.
        var grids = db.Areas.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking()
            .Where(a => a.Level == AreaLevel.Grid && a.RetiredAt == null && a.Boundary != null);
        var collection = new FeatureCollection();
        foreach (var prefix in prefixes)
        {
            var rows = await grids.Where(a => a.AreaCode.StartsWith(prefix)).OrderBy(a => a.AreaCode).Take(MaxGrids - collection.Count)
                .Select(a => new { a.AreaCode, a.Name, a.Boundary }).ToListAsync(ct);
            foreach (var g in rows)
                collection.Add(new Feature(g.Boundary, new AttributesTable
                {
                    { "code", g.AreaCode }, { "name", g.Name }, { "home", g.AreaCode == home },
                }));
            if (collection.Count >= MaxGrids) break;
        }
        return JsonSerializer.Serialize(collection, GeoJson.Options);
    }
}
