using System.Text.RegularExpressions;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static CivicGrid.BrowserTests.Cases.MobileCases;

namespace CivicGrid.BrowserTests.Cases;

[Collection(ConsoleCollection.Name)]
public sealed partial class ResidentReportsProblemTests(ConsoleFixture app)
{
    [GeneratedRegex(@"^\d{6}-\d{4}-\d{6}$")] private static partial Regex CaseNumber();
    [GeneratedRegex(@"^附近已有[1-9]\d*件同类问题正在处理$")] private static partial Regex DuplicateHint();

    /// <summary>
    /// resident1 on a 390 px phone reports a problem with a photo and a pin in their own grid (a double tap makes one
    /// case), sees it in 我的诉求 and the duplicate hint on a second report at the same spot; the community, the
    /// department and the community again take it through the loop over the API while the resident's case page listens;
    /// closing it brings up the rating form without a reload by hand, and the resident rates it 满意.
    /// </summary>
    [ChromiumFact]
    public async Task Resident_reports_with_photo_and_pin_follows_the_case_to_closed_and_rates_it()
    {
        var page = await app.SignInAsync("resident1", "/m", ConsoleFixture.Phone);
        var homeGrid = (await Api.Json(page, "/api/me/household")).GetProperty("household").GetProperty("areaCode").GetString()!;

        await page.GetByRole(AriaRole.Link, new() { Name = "我要上报" }).ClickAsync();
        await FormReadyAsync(page);
        await page.GetByLabel("问题类别").SelectOptionAsync(new SelectOptionValue { Index = 1 }); // the first the page offers
        await page.GetByLabel("具体事项").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var description = $"楼下垃圾桶满溢无人清运 {Guid.NewGuid():N}"[..24];
        await page.GetByLabel("问题描述").FillAsync(description);
        await page.GetByTestId("photo-album-before").SetInputFilesAsync(Photo);
        await Assertions.Expect(page.Locator("[data-photos=before] figure[data-uploaded=true]")).ToHaveCountAsync(1);

        await page.Locator("#m-map path.cg-grid-home").ClickAsync();
        var where = page.GetByTestId("report-where");
        await Assertions.Expect(where).ToHaveAttributeAsync("data-grid", homeGrid);
        await Assertions.Expect(where).ToContainTextAsync("所在网格：");
        Assert.True(await FitsThePhoneAsync(page));
        await ConsoleFixture.ScreenshotAsync(page, "mobile-report");

        await page.GetByTestId("report-submit").DblClickAsync();
        await Assertions.Expect(page.GetByTestId("report-done")).ToBeVisibleAsync();
        var number = (await page.GetByTestId("report-number").InnerTextAsync()).Trim();
        Assert.Matches(CaseNumber(), number);
        var id = await ReportedCaseIdAsync(page);

        // The same matter at the same spot again: the hint says it is already being handled, before anything is sent.
        await page.GetByRole(AriaRole.Link, new() { Name = "继续上报" }).ClickAsync();
        await FormReadyAsync(page);
        await page.GetByLabel("问题类别").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByLabel("具体事项").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#m-map path.cg-grid-home").ClickAsync();
        await Assertions.Expect(where).ToHaveAttributeAsync("data-grid", homeGrid);
        await Assertions.Expect(page.GetByTestId("report-duplicates")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("report-duplicates")).ToHaveTextAsync(DuplicateHint());

        await page.GotoAsync("/m");
        await page.GetByRole(AriaRole.Link, new() { Name = "我的诉求" }).ClickAsync();
        var rows = page.Locator($"[data-testid=case-row]:has-text('{description}')");
        await Assertions.Expect(rows).ToHaveCountAsync(1); // the double tap made one case
        await Assertions.Expect(rows.GetByTestId("status-chip")).ToHaveTextAsync("已上报");
        Assert.Equal(number, await rows.GetAttributeAsync("data-number"));

        // The rest of the loop, by the people whose work it is.
        var community = await Api.ClientAsync(app, "community1");
        var department = await Api.ClientAsync(app, "dept_cg");
        var unit = (await Api.GetAsync(department, "/api/auth/me")).GetProperty("unitIds")[0].GetString()!;
        await Api.PostAsync(community, $"/api/cases/{id}/accept", new { });
        await Api.PostAsync(community, $"/api/cases/{id}/dispatch", new { leadUnitId = unit });
        await Api.PostAsync(department, $"/api/cases/{id}/sign-for", new { });
        await Api.PostAsync(department, $"/api/cases/{id}/start", new { });
        await Api.PostAsync(department, $"/api/cases/{id}/handled", new { comment = "已安排清运，垃圾桶已清空" });
        await Api.PostAsync(community, $"/api/cases/{id}/verify", new { passed = true });

        await rows.ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-chip")).ToHaveTextAsync("已核查");
        await Assertions.Expect(page.GetByTestId("rate-form")).ToHaveCountAsync(0);
        await page.Locator("[data-live-case][data-live=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Api.PostAsync(community, $"/api/cases/{id}/close", new { solved = true, comment = "已解决" });

        var rate = page.GetByTestId("rate-form"); // appears when the live page reloads itself
        await Assertions.Expect(rate).ToBeVisibleAsync();
        await rate.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await rate.GetByLabel("评价意见（选填）").FillAsync("处理及时，谢谢");
        await ConsoleFixture.ScreenshotAsync(page, "mobile-case-rate");
        await page.GetByTestId("rate-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("case-rated")).ToContainTextAsync("已评价：满意");
        await Assertions.Expect(page.GetByTestId("status-chip")).ToHaveTextAsync("已评价");
        await Assertions.Expect(page.GetByTestId("rate-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=case-timeline] li[data-action=Rate]")).ToHaveCountAsync(1);
        Assert.True(await FitsThePhoneAsync(page));

        // Notices: the bell counts them; opening the list reads them.
        await page.GotoAsync("/m");
        await Assertions.Expect(page.GetByTestId("notices-badge")).ToBeVisibleAsync();
        await page.GetByTestId("notices-link").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=notice][href='/m/cases/{id}']:has-text('已结案')")).ToHaveCountAsync(1);
        await page.GotoAsync("/m");
        await Assertions.Expect(page.GetByTestId("notices-badge")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
        community.Dispose();
        department.Dispose();
    }
}
