using System.Text.Json;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Areas;

[Collection(ConsoleCollection.Name)]
public sealed class CommunityMapTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Community_worker_sees_their_communitys_grids_on_the_map_and_not_another_community()
    {
        var other = await CommunityOf("community2");
        var page = await app.SignInAsync("community1", "/areas");
        var mine = await CommunityOf(page);

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

    async Task<string> CommunityOf(string userName)
    {
        var page = await app.SignInAsync(userName);
        try { return await CommunityOf(page); }
        finally { await page.Context.CloseAsync(); }
    }

    // A community worker's scope is their community: its 12-digit code is their only area prefix.
    static async Task<string> CommunityOf(IPage page)
    {
        var me = await Json(page, "/api/auth/me");
        var prefix = me.GetProperty("areaPrefixes")[0].GetString()!;
        Assert.Equal(12, prefix.Length);
        return prefix;
    }

    static async Task<int> GridCount(IPage page, string code) =>
        (await Json(page, $"/api/areas/{code}")).GetProperty("area").GetProperty("counts").GetProperty("grids").GetInt32();

    static async Task<JsonElement> Json(IPage page, string url)
    {
        var response = await page.Context.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        return (await response.JsonAsync())!.Value;
    }
}
