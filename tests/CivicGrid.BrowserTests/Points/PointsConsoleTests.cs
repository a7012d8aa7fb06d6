using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Points;

/// <summary>Community staff run points from the console: rules, the catalog with its stock, the ledger, the board.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class PointsConsoleTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Community_staff_change_a_rule_and_see_catalog_ledger_and_board_of_their_community()
    {
        var page = await app.SignInAsync("community1", "/points");
        await ConsoleFixture.WaitForCircuitAsync(page);
        var rules = page.GetByTestId("points-rules");
        await Assertions.Expect(rules.Locator("tbody tr")).ToHaveCountAsync(4);
        var meeting = rules.Locator("tbody tr").Filter(new() { HasText = "参加议事" });
        await meeting.Locator("input").First.FillAsync("5");
        await meeting.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByText("已保存")).ToBeVisibleAsync();
        await Assertions.Expect(meeting.GetByText("默认")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Tab, new() { Name = "积分兑换" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("points-items").Locator("tbody tr")).ToHaveCountAsync(5);
        await page.GetByRole(AriaRole.Tab, new() { Name = "积分台账" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("points-ledger").Locator("tbody tr").Filter(new() { HasText = "获得" }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "积分榜" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("points-board").Locator("tbody tr").First).ToContainTextAsync("1");
        await ConsoleFixture.ScreenshotAsync(page, "points-console");
    }
}
