namespace CivicGrid.Persistence.Demo;

/// <summary>
/// How big a demo city to build. District is what first start loads; City is Zibo-sized (DOMAIN.md §11) for benchmarks.
/// Grid counts follow the seeds; District has 192 households per grid instead of the seeds' 300–400 so that first start
/// stays within ~20 s on the project's 2-core machine; City has the seeds' 336 (docs/adr/0005-demo-data-size.md).
/// </summary>
public sealed record DemoSize(string Name, int Streets, int CommunitiesMin, int CommunitiesMax, int GridRowsMin, int GridRowsMax,
    int GridColsMin, int GridColsMax, int BuildingsPerGrid, int Floors, int UnitsPerBuilding, int RoomsPerFloor)
{
    /// <summary>8 streets, ~60 communities, ~860 grids, 8 buildings of 24 households each per grid (~166k households).</summary>
    public static readonly DemoSize District = new("district", 8, 7, 8, 3, 4, 3, 5, 8, 6, 2, 2) { CasesPerDay = 24, CaseDays = 150 };

    /// <summary>31 streets, ~293 communities, ~4,100 grids, 14 buildings of 24 households each per grid (~1.4M households).</summary>
    public static readonly DemoSize City = new("city", 31, 9, 10, 3, 4, 3, 5, 14, 6, 2, 2) { CasesPerDay = 100, CaseDays = 150 };

    /// <summary>For tests of the generator itself: 2 streets, a few communities, few households.</summary>
    public static readonly DemoSize Tiny = new("tiny", 2, 2, 2, 2, 2, 2, 2, 1, 2, 1, 2) { CasesPerDay = 2, CaseDays = 20 };

    /// <summary>Case history: about this many cases a day (±50%) over <see cref="CaseDays"/> days up to today.</summary>
    public int CasesPerDay { get; init; }
    public int CaseDays { get; init; }

    public int HouseholdsPerBuilding => Floors * UnitsPerBuilding * RoomsPerFloor;

    public static DemoSize? Find(string name) => name.ToLowerInvariant() switch
    {
        "district" => District, "city" => City, "tiny" => Tiny, _ => null,
    };
}
