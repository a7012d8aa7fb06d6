using System.Net.Http.Json;
using CivicGrid.IntegrationTests.CoBuilding;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.CoBuilding.Jobs;
using CivicGrid.Persistence;
using CivicGrid.Persistence.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Demo;

/// <summary>The demo's co-building, read back through the API as its demo accounts see it.</summary>
public sealed class DemoCoBuildingTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Every_community_has_its_alliance_and_the_demo_units_see_their_lists(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        using (var scope = app.Services.CreateScope())
            await DemoData.SeedAsync(scope.ServiceProvider, DemoSize.Tiny, CancellationToken.None);

        await using (var db = app.Db())
        {
            var communities = await db.Areas.CountAsync(a => a.Level == Shared.AreaLevel.Community);
            var alliances = await db.Alliances.Include(a => a.Members).Where(a => a.Level == AllianceLevel.Community).ToListAsync();
            Assert.Equal(communities, alliances.Count);
            Assert.All(alliances, a => Assert.True(a.Members.Count >= 4));
            Assert.Contains(await db.CoBuildingNeeds.Select(n => n.Status).Distinct().ToListAsync(), s => s == NeedStatus.Confirmed);
        }
        // Past milestones of projects under way are late: the sweep flags them.
        Assert.True(await app.Services.GetRequiredService<MilestoneSweep>().RunOnceAsync(CancellationToken.None) > 0);

        var unit2 = await app.ClientFor("unit2", DemoData.Password);
        Assert.NotEmpty(await unit2.Get<List<NeedDto>>("/api/cobuilding/needs?status=Open"));
        Assert.NotEmpty(await unit2.Get<List<ResourceDto>>("/api/cobuilding/resources?mine=true"));
        var unit1 = await app.ClientFor("unit1", DemoData.Password);
        Assert.NotEmpty(await unit1.Get<List<AllianceDto>>("/api/cobuilding/alliances"));
        var community = await app.ClientFor("community1", DemoData.Password);
        var behind = await community.Get<BehindDto>("/api/cobuilding/contracts/behind");
        Assert.InRange(behind.Behind.Count, 1, behind.Pairs - 1);

        // The demo's Open311 channel account files with its api_key only: no demo password signs it in.
        var channel = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = DemoAccounts.ChannelAccount, password = DemoData.Password });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, channel.StatusCode);
    }
}
