using System.Globalization;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Web;

[Collection(ConsoleCollection.Name)]
public sealed class WorkbenchTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Community_worker_sees_their_role_their_communitys_counts_and_the_import_link()
    {
        var page = await app.SignInAsync("community1");
        var community = (await Api.Json(page, $"/api/areas/{await Api.CommunityOf(page)}")).GetProperty("area");
        var counts = community.GetProperty("counts");

        await Assertions.Expect(page.GetByTestId("home-role")).ToHaveTextAsync("社区工作者");
        await Assertions.Expect(page.GetByTestId("home-scope")).ToHaveTextAsync(community.GetProperty("name").GetString()!);
        var stats = page.GetByTestId("home-counts");
        foreach (var key in new[] { "grids", "buildings", "households", "residents" })
            await Assertions.Expect(stats.GetByTestId($"stat-{key}").GetByTestId("stat-value"))
                .ToHaveTextAsync(counts.GetProperty(key).GetInt32().ToString("N0", CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("home-link-resident-import")).ToHaveAttributeAsync("href", "/residents/import");
        await ConsoleFixture.ScreenshotAsync(page, "workbench");
    }

    [ChromiumFact]
    public async Task Grid_worker_has_no_import_link()
    {
        var page = await app.SignInAsync("grid1");
        await Assertions.Expect(page.GetByTestId("home-link-residents")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("home-link-resident-import").CountAsync());
        Assert.Equal(0, await page.GetByTestId("nav-resident-import").CountAsync());
    }
}
