using System.Globalization;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Cases;

[Collection(ConsoleCollection.Name)]
public sealed class FiguresPageTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task A_period_that_cannot_be_read_is_said_before_this_month_is_shown()
    {
        var page = await app.SignInAsync("leader", "/figures?from=2026-12-10&to=2026-12-01");
        await Assertions.Expect(page.GetByTestId("figures-period-refused")).ToContainTextAsync("开始日期不能晚于结束日期");
        await Assertions.Expect(page.GetByTestId("figures-tabs")).ToBeVisibleAsync();

        await page.GotoAsync("/figures");
        await Assertions.Expect(page.GetByTestId("figures-tabs")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("figures-period-refused").CountAsync());
    }

    [ChromiumFact]
    public async Task Leader_opens_figures_from_the_menu_drills_into_a_street_and_finds_rankings_and_definitions()
    {
        var page = await app.SignInAsync("leader");
        await FiguresSettledAsync(page);
        await page.GetByTestId("nav-figures").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/figures");
        await ConsoleFixture.WaitForCircuitAsync(page);
        var district = await Api.Json(page, "/api/cases/figures");
        var streets = district.GetProperty("children");

        await Assertions.Expect(page.GetByTestId("total-reported"))
            .ToHaveTextAsync(district.GetProperty("totals").GetProperty("reported").GetInt32().ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("area-figures-link")).ToHaveCountAsync(streets.GetArrayLength());
        await Assertions.Expect(page.GetByTestId("figures-export")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(
            $"^/api/cases/figures/export\\.xlsx\\?area={district.GetProperty("code").GetString()}&from="));

        var street = streets[0];
        await page.GetByTestId("area-figures-link").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"area={street.GetProperty("code").GetString()}"));
        var communities = (await Api.Json(page, $"/api/cases/figures?area={street.GetProperty("code").GetString()}")).GetProperty("children");
        await Assertions.Expect(page.GetByTestId("area-figures-link")).ToHaveCountAsync(communities.GetArrayLength());
        await Assertions.Expect(page.GetByText(street.GetProperty("name").GetString()!).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "排名" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("ranking-table")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "指标口径" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("figures-definitions")).ToContainTextAsync("满意率");
        await ConsoleFixture.ScreenshotAsync(page, "figures");
    }

    [ChromiumFact]
    public async Task The_per_area_table_fits_a_1366_px_screen_in_english_without_scrolling_sideways()
    {
        var page = await app.SignInAsync("leader", "/figures");
        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new System.Text.RegularExpressions.Regex("^en"));
        var table = page.GetByTestId("area-figures");
        await Assertions.Expect(table.GetByTestId("area-figures-link").First).ToBeVisibleAsync();

        Assert.Equal(ConsoleFixture.Desktop.Width, page.ViewportSize!.Width);
        Assert.True(await table.Locator(".mud-table-container").EvaluateAsync<bool>("c => c.scrollWidth <= c.clientWidth"),
            "the per-area table scrolls sideways");
        Assert.Equal(11, await table.Locator("thead th").CountAsync());
    }

    /// <summary>
    /// On a fresh app the projection is still counting the demo's history: wait until two reads a few seconds apart
    /// agree, so the page and the API are compared on the same figures.
    /// </summary>
    static async Task FiguresSettledAsync(IPage page)
    {
        var last = -1;
        for (var i = 0; i < 30; i++)
        {
            var reported = (await Api.Json(page, "/api/cases/figures")).GetProperty("totals").GetProperty("reported").GetInt32();
            if (reported == last) return;
            last = reported;
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
        Assert.Fail("The figures kept changing: the projection did not catch up.");
    }
}
