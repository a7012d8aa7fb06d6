using BenchmarkDotNet.Attributes;
using CivicGrid.Modules.Areas.Locating;

namespace CivicGrid.Bench;

/// <summary>
/// Point → grid lookups over 5,000 irregular grids (ARCHITECTURE.md "Geography"). Each invocation runs a batch
/// of precomputed points, and OperationsPerInvoke makes the reported mean a per-lookup time.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn] // the machine is shared: min and median show how much of the mean is other people's builds
public class GridLookupBenchmarks
{
    const int Batch = 10_000;

    GridIndex _index = null!;
    BruteForceLocator _bruteForce = null!;
    (double Lon, double Lat)[] _points = null!;

    [GlobalSetup]
    public void Setup()
    {
        var layer = SyntheticGrids.Build();
        _index = new GridIndex(layer.Grids);
        _bruteForce = new BruteForceLocator(layer.Grids);
        _points = SyntheticGrids.Points(layer, Batch, seed: 7);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int BruteForce()
    {
        var hits = 0;
        foreach (var (lon, lat) in _points)
            if (_bruteForce.Locate(lon, lat) is not null) hits++;
        return hits;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int GridIndexLocate()
    {
        var hits = 0;
        foreach (var (lon, lat) in _points)
            if (_index.Locate(lon, lat) is not null) hits++;
        return hits;
    }
}
