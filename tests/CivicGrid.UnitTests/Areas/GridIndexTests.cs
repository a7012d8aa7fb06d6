using CivicGrid.Bench;
using CivicGrid.Modules.Areas.Locating;
using NetTopologySuite.Geometries;

namespace CivicGrid.UnitTests.Areas;

public class GridIndexTests
{
    static readonly SyntheticGrids.Layer Layer = SyntheticGrids.Build();
    static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    [Fact]
    public void Locate_agrees_with_brute_force_on_100k_points_inside_outside_and_on_boundaries()
    {
        var index = new GridIndex(Layer.Grids);
        var reference = new BruteForceLocator(Layer.Grids);
        var points = SyntheticGrids.Points(Layer, 100_000, seed: 42, onBoundaryShare: 0.10);

        int inside = 0, outside = 0, ties = 0;
        var disagreements = new List<string>();
        foreach (var (lon, lat) in points)
        {
            var expected = reference.Locate(lon, lat, out var covering)?.Code;
            var actual = index.Locate(lon, lat)?.Code;
            if (expected != actual) disagreements.Add($"({lon:R}, {lat:R}): index {actual ?? "null"}, brute force {expected ?? "null"}");
            if (expected is null) outside++; else inside++;
            if (covering > 1) ties++;
        }

        Assert.Equal(5_000, index.Count);
        Assert.Empty(disagreements.Take(20));
        // The comparison only means something if every kind of answer actually occurred.
        Assert.True(inside > 80_000, $"inside: {inside}");
        Assert.True(outside > 1_000, $"outside: {outside}");
        Assert.True(ties > 5_000, $"ties: {ties}");
    }

    [Fact]
    public void Brute_force_reference_matches_geometry_Covers()
    {
        var reference = new BruteForceLocator(Layer.Grids);
        foreach (var (lon, lat) in SyntheticGrids.Points(Layer, 2_000, seed: 5, onBoundaryShare: 0.25))
        {
            var point = Factory.CreatePoint(new Coordinate(lon, lat));
            var expected = Layer.Grids.Where(g => g.Boundary.Covers(point)).MinBy(g => g.Code, StringComparer.Ordinal);
            Assert.Equal(expected?.Code, reference.Locate(lon, lat)?.Code);
        }
    }

    [Fact]
    public void Synthetic_grids_tile_the_region_without_gaps_or_overlaps()
    {
        Assert.All(Layer.Grids, g => Assert.True(g.Boundary.IsValid, g.Code));
        Assert.Equal(Layer.Grids.Count, Layer.Grids.Select(g => g.Code).Distinct().Count());
        var area = Layer.Grids.Sum(g => g.Boundary.Area);
        var region = (Layer.East - Layer.West) * (Layer.North - Layer.South);
        Assert.Equal(region, area, region * 1e-9);
        Assert.Contains(Layer.Grids, g => g.Boundary.Shell.NumPoints == 9 && !g.Boundary.Equals(g.Boundary.Envelope));
    }

    [Fact]
    public void Point_outside_every_grid_returns_null()
    {
        var index = new GridIndex(Layer.Grids);
        var midLat = (Layer.South + Layer.North) / 2;

        Assert.Null(index.Locate(0, 0));
        Assert.Null(index.Locate(Layer.West - 1e-7, midLat));
        Assert.Null(index.Locate(Layer.East + 1e-7, midLat));
        // A hair inside, the same line does hit a grid: the nulls above are about position, not a broken index.
        Assert.NotNull(index.Locate(Layer.West + 1e-7, midLat));
        Assert.NotNull(index.Locate(Layer.East - 1e-7, midLat));
    }

    [Fact]
    public void Point_on_a_shared_edge_resolves_to_the_lower_code()
    {
        // Two horizontal neighbours: cell (3, 7) and cell (4, 7). Their shared side is the right side of the first.
        var left = Layer.Grids.Single(g => g.Code == SyntheticGrids.Code(3 * Layer.Rows + 7));
        var right = Layer.Grids.Single(g => g.Code == SyntheticGrids.Code(4 * Layer.Rows + 7));
        var ring = left.Boundary.Shell.Coordinates; // corners and midpoints: index 2 → 3 → 4 is the right side
        var (a, b) = (ring[2], ring[3]);
        var (lon, lat) = ((a.X + b.X) / 2, (a.Y + b.Y) / 2); // exact: coordinates are dyadic
        var point = Factory.CreatePoint(new Coordinate(lon, lat));
        Assert.True(left.Boundary.Covers(point) && right.Boundary.Covers(point), "the point must lie on both grids");

        // Same geometry, codes swapped: the winner must follow the code, not the geometry or the insertion order.
        var swappedLeft = left with { Code = right.Code };
        var swappedRight = right with { Code = left.Code };
        foreach (var grids in new[] { new[] { left, right }, [right, left] })
            Assert.Equal(left.Code, new GridIndex(grids).Locate(lon, lat)?.Code);
        foreach (var grids in new[] { new[] { swappedLeft, swappedRight }, [swappedRight, swappedLeft] })
            Assert.Same(swappedRight, new GridIndex(grids).Locate(lon, lat));
        Assert.Equal(left.Code, new GridIndex(Layer.Grids).Locate(lon, lat)?.Code);
    }

    [Fact]
    public void Empty_index_returns_null()
    {
        Assert.Null(new GridIndex([]).Locate(120.4, 36.1));
        Assert.Null(GridIndex.Empty.Locate(120.4, 36.1));
        Assert.Equal(0, GridIndex.Empty.Count);
    }
}
