using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static CivicGrid.BrowserTests.Cases.MobileCases;

namespace CivicGrid.BrowserTests.Cases;

[Collection(ConsoleCollection.Name)]
public sealed class GridWorkerPatrolTests(ConsoleFixture app)
{
    /// <summary>
    /// grid1 on patrol: an item a grid worker may settle on the spot, a photo of the problem, the phone's GPS inside
    /// their grid, 现场办结 with what was done and a photo of the result — one case, closed at once, both photos recorded.
    /// </summary>
    [ChromiumFact]
    public async Task Grid_worker_settles_a_matter_on_the_spot_with_photos_and_gps()
    {
        var page = await app.SignInAsync("grid1", "/m", ConsoleFixture.Phone);
        await page.GetByRole(AriaRole.Link, new() { Name = "巡查上报" }).ClickAsync();
        await FormReadyAsync(page);

        var settleable = page.Locator("#m-item option[data-on-the-spot=true]").First;
        var item = (await settleable.GetAttributeAsync("value"))!;
        await page.GetByLabel("问题类别").SelectOptionAsync((await settleable.GetAttributeAsync("data-category"))!);
        await page.GetByLabel("具体事项").SelectOptionAsync(item);
        await page.GetByLabel("问题描述").FillAsync("楼道口堆放纸箱杂物，影响通行");
        await page.GetByTestId("photo-camera-before").SetInputFilesAsync(Photo);

        // First the phone reports a position in the sea off Africa: outside every grid, said in Chinese.
        await page.Context.GrantPermissionsAsync(["geolocation"]);
        await page.Context.SetGeolocationAsync(new() { Longitude = 1, Latitude = 1 });
        await page.GetByTestId("report-gps").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-where")).ToHaveTextAsync("所选位置不在任何网格内，请重新选择位置。");

        var (lon, lat, grid) = await HomeGridPointAsync(page);
        await page.Context.SetGeolocationAsync(new() { Longitude = (float)lon, Latitude = (float)lat });
        await page.GetByTestId("report-gps").ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-where")).ToHaveAttributeAsync("data-grid", grid);

        await page.GetByTestId("report-on-the-spot").CheckAsync();
        await page.GetByLabel("处置情况").FillAsync("已现场清理，通道畅通");
        await page.GetByTestId("photo-camera-after").SetInputFilesAsync(Photo);
        await Assertions.Expect(page.Locator("figure[data-uploaded=true]")).ToHaveCountAsync(2);
        await ConsoleFixture.ScreenshotAsync(page, "mobile-patrol");
        Assert.True(await FitsThePhoneAsync(page));
        await page.GetByTestId("report-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("report-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("report-settled")).ToBeVisibleAsync();
        var number = (await page.GetByTestId("report-number").InnerTextAsync()).Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "查看办理进度" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-number")).ToHaveTextAsync(number);
        await Assertions.Expect(page.GetByTestId("status-chip")).ToHaveTextAsync("已结案");
        var settled = page.Locator("[data-testid=case-timeline] li[data-action=CloseOnTheSpot]");
        await Assertions.Expect(settled).ToContainTextAsync("已现场清理，通道畅通");
        await Assertions.Expect(settled.Locator("img")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=case-timeline] li[data-action=Report] img")).ToHaveCountAsync(1);
        // The photo is served to the page that shows it.
        var src = await settled.Locator("img").GetAttributeAsync("src");
        var photo = await page.Context.APIRequest.GetAsync(src!);
        Assert.Equal("image/png", photo.Headers["content-type"]);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A case handled by the department waits in grid1's 核查任务 and among the grid's open cases; grid1 fails it with a
    /// reason (sent back, 重办), then, handled again, passes it with a photo — from the phone's plain form.
    /// </summary>
    [ChromiumFact]
    public async Task Grid_worker_verifies_handled_work_from_the_verification_list()
    {
        var page = await app.SignInAsync("grid1", "/m/patrol", ConsoleFixture.Phone);
        await FormReadyAsync(page);
        var (lon, lat, _) = await HomeGridPointAsync(page);
        var item = await page.Locator("#m-item option:not([value=''])").First.GetAttributeAsync("value");

        var worker = await Api.ClientAsync(app, "grid1");
        var community = await Api.ClientAsync(app, "community1");
        var department = await Api.ClientAsync(app, "dept_cg");
        var created = await Api.PostAsync(worker, "/api/cases", new
        {
            itemCode = item, description = "小区路灯不亮", longitude = lon, latitude = lat, source = "Patrol",
        });
        var id = created.GetProperty("case").GetProperty("id").GetString();
        var number = created.GetProperty("case").GetProperty("number").GetString();
        var unit = (await Api.GetAsync(department, "/api/auth/me")).GetProperty("unitIds")[0].GetString()!;
        await Api.PostAsync(community, $"/api/cases/{id}/accept", new { });
        await Api.PostAsync(community, $"/api/cases/{id}/dispatch", new { leadUnitId = unit });
        await Api.PostAsync(department, $"/api/cases/{id}/sign-for", new { });
        await Api.PostAsync(department, $"/api/cases/{id}/start", new { });
        await Api.PostAsync(department, $"/api/cases/{id}/handled", new { comment = "已更换灯泡" });

        await page.GotoAsync("/m/grid/cases");
        await Assertions.Expect(page.Locator($"[data-testid=case-row][data-number='{number}']")).ToHaveCountAsync(1);
        await page.GotoAsync("/m");
        await page.GetByRole(AriaRole.Link, new() { Name = "核查任务" }).ClickAsync();
        await page.Locator($"[data-testid=case-row][data-number='{number}']").ClickAsync();

        var form = page.GetByTestId("verify-form");
        await form.GetByTestId("verify-fail").CheckAsync();
        await form.GetByTestId("verify-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("case-error")).ToHaveTextAsync("请填写原因。"); // failing needs a reason
        await page.GetByTestId("verify-form").GetByTestId("verify-fail").CheckAsync();
        await page.GetByTestId("verify-comment").FillAsync("灯仍不亮，请重新检修");
        await page.GetByTestId("verify-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("status-chip")).ToHaveTextAsync("处置中");
        await Assertions.Expect(page.GetByTestId("verify-form")).ToHaveCountAsync(0);

        // Handled again while the page is open: it reloads itself and offers the verification again.
        await page.Locator("[data-live-case][data-live=on]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Api.PostAsync(department, $"/api/cases/{id}/handled", new { comment = "已更换整套灯具" });
        await Assertions.Expect(page.GetByTestId("status-chip")).ToHaveTextAsync("已办结反馈");
        await page.GetByTestId("verify-comment").FillAsync("复查已亮");
        await page.GetByTestId("verify-photos").SetInputFilesAsync(Photo);
        await page.GetByTestId("verify-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("case-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("status-chip")).ToHaveTextAsync("已核查");
        var verified = page.Locator("[data-testid=case-timeline] li[data-action=Verify]");
        await Assertions.Expect(verified).ToContainTextAsync("复查已亮");
        await Assertions.Expect(verified.Locator("img")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=case-timeline] li[data-action=FailVerification]")).ToContainTextAsync("灯仍不亮");
        await page.GotoAsync("/m/verify");
        await Assertions.Expect(page.Locator($"[data-testid=case-row][data-number='{number}']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
        foreach (var api in new[] { worker, community, department }) api.Dispose();
    }
}
