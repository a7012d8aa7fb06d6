using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Areas;

[Collection(ConsoleCollection.Name)]
public sealed class CommunityMapTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Community_worker_sees_their_communitys_grids_on_the_map_and_not_another_community()
    {
        var other = await Api.CommunityOf(app, "community2");
        var page = await app.SignInAsync("community1", "/areas");
        var mine = await Api.CommunityOf(page);

        await page.GotoAsync($"/areas/{mine}");
        var map = page.Locator("[data-testid=grid-map][data-features]");
        await Assertions.Expect(map).ToBeVisibleAsync();
        var expected = await GridCount(page, mine);
        Assert.True(expected > 0);
        Assert.Equal(expected, await page.Locator("[data-testid=grid-map] path.cg-grid").CountAsync());
        Assert.Equal(expected.ToString(), await map.GetAttributeAsync("data-features"));

        await page.GotoAsync($"/areas/{other}");
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("path.cg-grid").CountAsync());
    }

    static async Task<int> GridCount(IPage page, string code) =>
        (await Api.Json(page, $"/api/areas/{code}")).GetProperty("area").GetProperty("counts").GetProperty("grids").GetInt32();
}
