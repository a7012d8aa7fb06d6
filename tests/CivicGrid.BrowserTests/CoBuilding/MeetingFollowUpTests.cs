using CivicGrid.BrowserTests.Cases;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static CivicGrid.BrowserTests.Infrastructure.ConsoleFixture;

namespace CivicGrid.BrowserTests.CoBuilding;

/// <summary>网格议事会 → 立案: a decision taken at a grid council becomes a case in the closed loop, from the console.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MeetingFollowUpTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Staff_record_a_grid_council_and_open_a_case_from_its_follow_up()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var me = await Api.GetAsync(setup.Community, "/api/auth/me");
        var grids = await Api.GetAsync(setup.Community, $"/api/areas/{me.GetProperty("areaPrefixes")[0].GetString()}/grids.geojson");
        var grid = grids.GetProperty("features")[0].GetProperty("properties").GetProperty("code").GetString()!;
        var topic = $"楼道杂物议事{Guid.NewGuid().ToString("N")[..6]}";
        var description = $"{topic}：议事会决定清理1号楼楼道杂物";

        var page = await app.SignInAsync("community1", "/cobuilding");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "会议议事" }).ClickAsync();
        await page.GetByText("记录会议").ClickAsync();
        await Choose(page, "meeting-kind", "网格议事会");
        await Field(page, "meeting-area").FillAsync(grid);
        await Field(page, "meeting-topic").FillAsync(topic);
        await Field(page, "meeting-decisions").FillAsync("由社区立案，物业清理");
        await page.GetByTestId("meeting-save").ClickAsync();

        var row = page.GetByTestId("meeting-table").Locator("tr").Filter(new() { HasText = topic });
        await row.ClickAsync();
        var detail = page.GetByTestId("meeting-detail");
        await Assertions.Expect(detail).ToContainTextAsync(topic);
        // 立案 is the first choice; a grid council's own grid is where the point starts.
        await Assertions.Expect(page.GetByTestId("follow-up-kind")).ToContainTextAsync("立案");
        await Assertions.Expect(page.GetByTestId("follow-up-grid")).ToContainTextAsync("位于");
        await Field(page, "follow-up-text").FillAsync("清理1号楼楼道杂物");
        await Choose(page, "follow-up-category", setup.Item.CategoryName);
        await Choose(page, "follow-up-item", setup.Item.Name);
        await Field(page, "follow-up-description").FillAsync(description);
        await ConsoleFixture.ScreenshotAsync(page, "cobuilding-meeting-follow-up");
        await page.GetByTestId("follow-up-add").ClickAsync();

        var link = detail.GetByTestId("follow-up-case");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        var number = (await link.TextContentAsync())!.Trim();
        Assert.False(string.IsNullOrEmpty(number));

        // The case is in the closed loop: in the community's case list, and its page names the grid council's description.
        await page.GotoAsync("/cases");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("case-table")).ToContainTextAsync(number);
        await page.GetByTestId("case-table").GetByTestId("case-link").Filter(new() { HasText = number }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync(description);

        // 来自会议: the case names the grid council it came from, and the link opens the meeting on the co-building page.
        var origin = page.GetByTestId("case-origin");
        await Assertions.Expect(page.GetByTestId("case-facts")).ToContainTextAsync("来自会议");
        await Assertions.Expect(origin).ToContainTextAsync(topic);
        await ConsoleFixture.ScreenshotAsync(page, "case-from-meeting");
        await origin.GetByTestId("case-origin-link").ClickAsync();
        await ConsoleFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("meeting-detail")).ToContainTextAsync(topic);
        await Assertions.Expect(page.GetByTestId("meeting-detail").GetByTestId("follow-up-case")).ToHaveTextAsync(number);
    }

    static async Task Choose(IPage page, string select, string option)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }
}
