using CivicGrid.Modules.Areas.Locating;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace CivicGrid.Bench;

/// <summary>
/// A deterministic grid layer that tiles a rectangle without gaps or overlaps: a lattice of cells whose
/// interior corners and edge midpoints are jittered, so each grid is an irregular, possibly non-convex octagon
/// and neighbours share exactly the same vertices. Shared by the benchmark and the unit tests (linked there).
/// </summary>
static class SyntheticGrids
{
    // Every coordinate is a multiple of 2^-20 degrees (~0.1 m), so the midpoint of any edge is exactly
    // representable and lies exactly on it: boundary test points are real boundary points, not near misses.
    const double Quantum = 1.0 / (1 << 20);

    const double OriginLon = 120.30, OriginLat = 36.05;
    const double CellSize = 0.002; // ~180 m × 220 m, the size of a 300–400 household grid

    /// <summary>The grids and the exact (quantized) rectangle they tile.</summary>
    public sealed record Layer(int Columns, int Rows, double West, double South, double East, double North,
        IReadOnlyList<GridEntry> Grids);

    /// <summary>Columns × rows grids, coded like real grid codes (15 digits, ordinal order = column-major cell order),
    /// returned in shuffled order so no test or benchmark depends on insertion order.</summary>
    public static Layer Build(int columns = 100, int rows = 50, int seed = 20240601)
    {
        var random = new Random(seed);
        var factory = new GeometryFactory(new PrecisionModel(), 4326);

        // Lattice in half-cell steps: even/even = corners, one odd index = edge midpoints, odd/odd unused.
        var lattice = new Coordinate[2 * columns + 1, 2 * rows + 1];
        for (var i = 0; i <= 2 * columns; i++)
        for (var j = 0; j <= 2 * rows; j++)
        {
            var onOuterEdgeX = i == 0 || i == 2 * columns;
            var onOuterEdgeY = j == 0 || j == 2 * rows;
            // Corners move up to 30% of a cell, midpoints 15%: each cell's four sides stay in disjoint strips,
            // so every polygon is simple. The outer boundary stays straight so "outside" is easy to reason about.
            var reach = i % 2 == 0 && j % 2 == 0 ? 0.30 : 0.15;
            var dx = onOuterEdgeX ? 0 : (random.NextDouble() * 2 - 1) * reach * CellSize;
            var dy = onOuterEdgeY ? 0 : (random.NextDouble() * 2 - 1) * reach * CellSize;
            lattice[i, j] = new Coordinate(
                Quantize(OriginLon + i * CellSize / 2 + dx),
                Quantize(OriginLat + j * CellSize / 2 + dy));
        }

        var grids = new List<GridEntry>(columns * rows);
        for (var c = 0; c < columns; c++)
        for (var r = 0; r < rows; r++)
        {
            int i = 2 * c, j = 2 * r;
            var ring = new[]
            {
                lattice[i, j], lattice[i + 1, j], lattice[i + 2, j], lattice[i + 2, j + 1],
                lattice[i + 2, j + 2], lattice[i + 1, j + 2], lattice[i, j + 2], lattice[i, j + 1], lattice[i, j],
            }.Select(p => p.Copy()).ToArray();
            var polygon = factory.CreatePolygon(ring);
            grids.Add(new GridEntry(Code(c * rows + r), $"Grid {c}-{r}", polygon));
        }

        Shuffle(grids, random);
        var (southWest, northEast) = (lattice[0, 0], lattice[2 * columns, 2 * rows]);
        return new Layer(columns, rows, southWest.X, southWest.Y, northEast.X, northEast.Y, grids);
    }

    /// <summary>Statistical-style codes: county 370202, then street, community, grid (100 grids a community).</summary>
    public static string Code(int cell)
    {
        var community = cell / 100;
        return $"370202{community / 10 + 1:000}{community % 10 + 1:000}{cell % 100 + 1:000}";
    }

    /// <summary>
    /// Uniform points over the layer plus a 2% margin outside it. A share of them sit exactly on grid vertices
    /// or exact edge midpoints, where two or more grids tie and only the lowest-code rule decides.
    /// </summary>
    public static (double Lon, double Lat)[] Points(Layer layer, int count, int seed, double onBoundaryShare = 0)
    {
        var random = new Random(seed);
        var marginX = (layer.East - layer.West) * 0.02;
        var marginY = (layer.North - layer.South) * 0.02;
        var points = new (double, double)[count];
        for (var n = 0; n < count; n++)
        {
            if (random.NextDouble() < onBoundaryShare)
            {
                var ring = layer.Grids[random.Next(layer.Grids.Count)].Boundary.Shell.Coordinates;
                var k = random.Next(ring.Length - 1);
                var a = ring[k];
                var b = ring[k + 1];
                points[n] = random.Next(2) == 0 ? (a.X, a.Y) : ((a.X + b.X) / 2, (a.Y + b.Y) / 2);
            }
            else
            {
                points[n] = (layer.West - marginX + random.NextDouble() * (layer.East - layer.West + 2 * marginX),
                             layer.South - marginY + random.NextDouble() * (layer.North - layer.South + 2 * marginY));
            }
        }
        return points;
    }

    static double Quantize(double value) => Math.Round(value / Quantum) * Quantum;

    static void Shuffle<T>(List<T> items, Random random)
    {
        for (var n = items.Count - 1; n > 0; n--)
        {
            var k = random.Next(n + 1);
            (items[n], items[k]) = (items[k], items[n]);
        }
    }
}

/// <summary>
/// The reference answer: every grid in turn, an envelope check, then a plain (unprepared, unindexed)
/// point-in-polygon test, lowest code on ties. Shares no code path with <see cref="GridIndex"/> beyond NTS's
/// robust orientation predicate.
/// </summary>
sealed class BruteForceLocator
{
    readonly GridEntry[] _grids;
    readonly double[] _minX, _maxX, _minY, _maxY;

    public BruteForceLocator(IEnumerable<GridEntry> grids)
    {
        _grids = grids.ToArray();
        _minX = _grids.Select(g => g.Boundary.EnvelopeInternal.MinX).ToArray();
        _maxX = _grids.Select(g => g.Boundary.EnvelopeInternal.MaxX).ToArray();
        _minY = _grids.Select(g => g.Boundary.EnvelopeInternal.MinY).ToArray();
        _maxY = _grids.Select(g => g.Boundary.EnvelopeInternal.MaxY).ToArray();
    }

    public GridEntry? Locate(double lon, double lat) => Locate(lon, lat, out _);

    /// <param name="covering">How many grids cover the point: more than one means the tie rule decided.</param>
    public GridEntry? Locate(double lon, double lat, out int covering)
    {
        var point = new Coordinate(lon, lat);
        GridEntry? found = null;
        covering = 0;
        for (var n = 0; n < _grids.Length; n++)
        {
            if (lon < _minX[n] || lon > _maxX[n] || lat < _minY[n] || lat > _maxY[n]) continue;
            var entry = _grids[n];
            // Covers, for a point: anywhere but the exterior.
            if (SimplePointInAreaLocator.Locate(point, entry.Boundary) == Location.Exterior) continue;
            covering++;
            if (found is null || string.CompareOrdinal(entry.Code, found.Code) < 0) found = entry;
        }
        return found;
    }
}
