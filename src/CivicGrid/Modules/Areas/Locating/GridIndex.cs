using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace CivicGrid.Modules.Areas.Locating;

public sealed record GridEntry(string Code, string Name, Polygon Boundary);

/// <summary>
/// Point → grid assignment in memory: an STRtree of prepared polygons (ARCHITECTURE.md "Geography").
/// Immutable once built; <see cref="GridLocator"/> swaps in a new one when grids change.
/// </summary>
public sealed class GridIndex
{
    readonly STRtree<(GridEntry Entry, IPreparedGeometry Prepared)> _tree = new();
    static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public int Count { get; }

    public GridIndex(IEnumerable<GridEntry> grids)
    {
        foreach (var g in grids)
        {
            _tree.Insert(g.Boundary.EnvelopeInternal, (g, PreparedGeometryFactory.Prepare(g.Boundary)));
            Count++;
        }
        _tree.Build();
    }

    public static GridIndex Empty { get; } = new([]);

    /// <summary>The grid covering the point (boundary points count as inside), or null when it lies outside every grid.
    /// Where two grids share a boundary the lower code wins, so the answer never depends on tree order.</summary>
    public GridEntry? Locate(double lon, double lat)
    {
        if (Count == 0) return null;
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        GridEntry? found = null;
        foreach (var (entry, prepared) in _tree.Query(point.EnvelopeInternal))
        {
            if (!prepared.Covers(point)) continue;
            if (found is null || string.CompareOrdinal(entry.Code, found.Code) < 0) found = entry;
        }
        return found;
    }
}
