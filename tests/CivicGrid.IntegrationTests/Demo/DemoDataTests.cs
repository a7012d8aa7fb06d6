using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using CivicGrid.Persistence.Demo;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace CivicGrid.IntegrationTests.Demo;

/// <summary>The demo generator on a database of its own: grids tile communities, data is valid and deterministic.</summary>
public sealed class DemoDataTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Tiny_city_is_valid_deterministic_and_tiles_each_community(DatabaseProvider provider)
    {
        var first = await Seed(provider);
        var second = await Seed(provider);

        // Deterministic: the same codes, names and (hashed) ID numbers every time.
        Assert.Equal(first.Areas, second.Areas);
        Assert.Equal(first.IdHashes, second.IdHashes);
        Assert.Equal(first.Names, second.Names);

        foreach (var (community, grids) in first.GridsByCommunity)
        {
            Assert.NotEmpty(grids);
            Assert.All(grids, g => Assert.True(g.IsValid));
            var union = CascadedPolygonUnion.Union(grids.Cast<Geometry>().ToList());
            // One piece, no holes, and the pieces' areas add up to the union's: no gaps, no overlaps.
            var polygon = Assert.IsType<Polygon>(union);
            Assert.Empty(polygon.Holes);
            Assert.Equal(grids.Sum(g => g.Area), union.Area, 12);
        }
        Assert.All(first.ParentsOk, Assert.True);
    }

    sealed record Snapshot(List<string> Areas, List<string> IdHashes, List<string> Names,
        Dictionary<string, List<Polygon>> GridsByCommunity, List<bool> ParentsOk);

    static async Task<Snapshot> Seed(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using var scope = app.Services.CreateScope();
        var result = await DemoData.SeedAsync(scope.ServiceProvider, DemoSize.Tiny, CancellationToken.None);
        Assert.True(result.Residents > 0);
        Assert.Equal(17, result.Accounts);
        await using var db = app.Db();
        var areas = await db.Areas.OrderBy(a => a.AreaCode).ToListAsync();
        var codes = areas.Select(a => a.AreaCode).ToHashSet();
        return new Snapshot(
            areas.Select(a => $"{a.AreaCode} {a.Name} {a.ParentCode}").ToList(),
            await db.Residents.OrderBy(r => r.IdCardHash).Select(r => r.IdCardHash).ToListAsync(),
            await db.Residents.OrderBy(r => r.IdCardHash).Select(r => r.Name).ToListAsync(),
            areas.Where(a => a.Level == AreaLevel.Grid).GroupBy(a => a.ParentCode!).ToDictionary(g => g.Key, g => g.Select(a => a.Boundary!).ToList()),
            areas.Select(a => a.ParentCode is null || (codes.Contains(a.ParentCode) && AreaCode.Parse(a.AreaCode).Parent!.Value.Value == a.ParentCode)).ToList());
    }
}
