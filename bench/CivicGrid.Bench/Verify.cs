using System.Diagnostics;
using CivicGrid.Modules.Areas.Locating;

namespace CivicGrid.Bench;

/// <summary>--verify: the benchmark's speed only counts if the index gives the brute-force answer everywhere.</summary>
static class Verify
{
    public static int Run(int count = 100_000)
    {
        var layer = SyntheticGrids.Build();
        var index = new GridIndex(layer.Grids);
        var reference = new BruteForceLocator(layer.Grids);
        var points = SyntheticGrids.Points(layer, count, seed: 42, onBoundaryShare: 0.10);

        int agree = 0, inside = 0, ties = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (lon, lat) in points)
        {
            var expected = reference.Locate(lon, lat, out var covering)?.Code;
            var actual = index.Locate(lon, lat)?.Code;
            if (expected == actual) agree++;
            else Console.WriteLine($"  disagree at ({lon:R}, {lat:R}): index {actual ?? "null"}, brute force {expected ?? "null"}");
            if (expected is not null) inside++;
            if (covering > 1) ties++;
        }

        Console.WriteLine($"Grids: {index.Count}; points: {count} ({inside} inside a grid, {count - inside} outside; "
                          + $"{ties} on a boundary shared by several grids)");
        Console.WriteLine($"Agreement with brute force: {agree}/{count} ({100.0 * agree / count:0.###}%) in {clock.ElapsedMilliseconds} ms");
        return agree == count ? 0 : 1;
    }
}
