using System.Net.Http.Json;
using CivicGrid.BrowserTests.Cases;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.CoBuilding;

/// <summary>共建共治 on the phone: a unit claims a need, a second unit is told in Chinese that it is taken, the community
/// confirms on its phone; a unit reports progress on its project with a photo taken on the phone, late milestones marked.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MobileCoBuildingTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task A_unit_claims_a_need_on_the_phone_and_the_community_confirms_it_there()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var title = $"手机认领需求{Guid.NewGuid().ToString("N")[..6]}";
        await Api.PostAsync(setup.Community, "/api/cobuilding/needs", new
        {
            category = "venue", title, description = "周末需要场地开展亲子活动", urgency = "Urgent", longitude = setup.Point.Lon, latitude = setup.Point.Lat,
        });

        // unit1 and unit2 both act for units paired with community1: both see the need on their board.
        var unit = await app.SignInAsync("unit1", "/m", ConsoleFixture.Phone);
        await unit.GetByTestId("cobuilding-link").ClickAsync();
        var late = await app.SignInAsync("unit2", "/m/cobuilding", ConsoleFixture.Phone);
        var need = unit.GetByTestId("cob-need").Filter(new() { HasText = title });
        await Assertions.Expect(need).ToHaveCountAsync(1);
        await Assertions.Expect(need.GetByTestId("cob-claim-need")).ToBeVisibleAsync();
        await ConsoleFixture.ScreenshotAsync(unit, "cobuilding-phone-board");
        await need.Locator("input[name=note]").FillAsync("本单位活动室周末可用");
        await need.GetByTestId("cob-claim-need").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("cob-done")).ToHaveTextAsync("已认领，等待社区确认。");
        var claim = unit.GetByTestId("cob-claim").Filter(new() { HasText = title });
        await Assertions.Expect(claim.GetByTestId("cob-claim-status")).ToHaveTextAsync("待确认");
        await Assertions.Expect(unit.GetByTestId("cob-need").Filter(new() { HasText = title })).ToHaveCountAsync(0);

        // unit2's page was loaded before: its claim is refused, in Chinese, from the API's code.
        await late.GetByTestId("cob-need").Filter(new() { HasText = title }).GetByTestId("cob-claim-need").ClickAsync();
        await Assertions.Expect(late.GetByTestId("cob-error")).ToHaveTextAsync("该需求已被其他单位认领。");

        var community = await app.SignInAsync("community1", "/m", ConsoleFixture.Phone);
        await community.GetByTestId("cobuilding-link").ClickAsync();
        var waiting = community.GetByTestId("cob-to-confirm").Filter(new() { HasText = title });
        await Assertions.Expect(waiting.GetByTestId("cob-claimed-by")).Not.ToBeEmptyAsync();
        await Assertions.Expect(waiting).ToContainTextAsync("本单位活动室周末可用");
        await waiting.GetByTestId("cob-confirm").ClickAsync();
        await Assertions.Expect(community.GetByTestId("cob-done")).ToHaveTextAsync("已确认该认领。");
        await Assertions.Expect(community.GetByTestId("cob-to-confirm").Filter(new() { HasText = title })).ToHaveCountAsync(0);

        await unit.ReloadAsync();
        await Assertions.Expect(unit.GetByTestId("cob-claim").Filter(new() { HasText = title }).GetByTestId("cob-claim-status")).ToHaveTextAsync("已确认");
    }

    [ChromiumFact]
    public async Task A_unit_reports_progress_with_a_photo_and_sees_its_late_milestone()
    {
        var community = await Api.ClientAsync(app, "community1");
        var unitApi = await Api.ClientAsync(app, "unit1");
        var me = await Api.GetAsync(community, "/api/auth/me");
        var title = $"手机项目{Guid.NewGuid().ToString("N")[..6]}";
        var project = await Api.PostAsync(community, "/api/cobuilding/projects", new
        {
            areaCode = me.GetProperty("areaPrefixes")[0].GetString(), year = DateTime.UtcNow.Year, title, category = "other", description = "楼道微改造",
        });
        var id = project.GetProperty("project").GetProperty("id").GetGuid();
        await Api.PostAsync(unitApi, $"/api/cobuilding/projects/{id}/claim", new { });
        // One milestone already past due (the sweep flags it), one ahead.
        var planned = await unitApi.PutAsJsonAsync($"/api/cobuilding/projects/{id}/plan", new
        {
            plan = "先清理后粉刷", milestones = new[]
            {
                new { title = "清理杂物", due = DateTimeOffset.UtcNow.AddDays(-2) },
                new { title = "墙面粉刷", due = DateTimeOffset.UtcNow.AddDays(20) },
            },
        });
        Assert.True(planned.IsSuccessStatusCode, await planned.Content.ReadAsStringAsync());

        var phone = await app.SignInAsync("unit1", "/m/cobuilding", ConsoleFixture.Phone);
        await phone.GetByTestId("cob-project").Filter(new() { HasText = title }).Locator("a").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("cob-project-status")).ToHaveTextAsync("实施中");

        await phone.GetByTestId("cob-progress-text").FillAsync("已清理1至3层楼道杂物");
        await phone.GetByTestId("cob-progress-milestone").SelectOptionAsync(new SelectOptionValue { Label = "2. 墙面粉刷" });
        await phone.GetByTestId("cob-progress-photos").SetInputFilesAsync(new FilePayload { Name = "楼道.png", MimeType = "image/png", Buffer = CaseSetup.Png });
        await phone.GetByTestId("cob-progress-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("cob-done")).ToHaveTextAsync("进度已上报。");
        var entry = phone.GetByTestId("cob-entry").Filter(new() { HasText = "已清理1至3层楼道杂物" });
        await Assertions.Expect(entry.GetByTestId("cob-entry-photo")).ToHaveCountAsync(1);
        // The photo is served back to the phone (it loaded: a decoded image has a width).
        await Assertions.Expect(entry.GetByTestId("cob-entry-photo")).ToHaveJSPropertyAsync("naturalWidth", 1);
        await Assertions.Expect(phone.GetByTestId("cob-milestone").Filter(new() { HasText = "墙面粉刷" })).ToContainTextAsync("已完成");

        // The milestone sweep runs on its timer in this app; once it has flagged the past-due milestone, the page marks it.
        var first = phone.GetByTestId("cob-milestone").Filter(new() { HasText = "清理杂物" });
        for (var i = 0; i < 30 && await first.GetAttributeAsync("data-late") != "true"; i++)
        {
            await Task.Delay(3000);
            await phone.ReloadAsync();
        }
        await Assertions.Expect(first.GetByTestId("cob-milestone-late")).ToContainTextAsync("逾期");
        await ConsoleFixture.ScreenshotAsync(phone, "cobuilding-phone-project");
    }

    [ChromiumFact]
    public async Task A_unit_plans_its_project_and_submits_completion_with_a_photo_on_the_phone()
    {
        var community = await Api.ClientAsync(app, "community1");
        var unitApi = await Api.ClientAsync(app, "unit1");
        var me = await Api.GetAsync(community, "/api/auth/me");
        var title = $"手机计划{Guid.NewGuid().ToString("N")[..6]}";
        var project = await Api.PostAsync(community, "/api/cobuilding/projects", new
        {
            areaCode = me.GetProperty("areaPrefixes")[0].GetString(), year = DateTime.UtcNow.Year, title, category = "culture", description = "社区文化墙",
        });
        var id = project.GetProperty("project").GetProperty("id").GetGuid();
        await Api.PostAsync(unitApi, $"/api/cobuilding/projects/{id}/claim", new { });

        var phone = await app.SignInAsync("unit1", "/m/cobuilding", ConsoleFixture.Phone);
        await phone.GetByTestId("cob-project").Filter(new() { HasText = title }).Locator("a").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("cob-complete-form")).ToHaveCountAsync(0); // nothing to complete before a plan
        await phone.GetByTestId("cob-plan-text").FillAsync("设计、制作、安装三步走");
        var due = DateTime.UtcNow.AddDays(30);
        await phone.GetByTestId("cob-plan-milestone").Nth(0).FillAsync("完成设计稿");
        await phone.GetByTestId("cob-plan-due").Nth(0).FillAsync(due.ToString("yyyy-MM-dd"));
        await phone.GetByTestId("cob-plan-milestone").Nth(1).FillAsync("安装上墙");
        await ConsoleFixture.ScreenshotAsync(phone, "cobuilding-phone-plan");
        await phone.GetByTestId("cob-plan-submit").ClickAsync();
        // The second row has no date: refused in Chinese, nothing saved.
        await Assertions.Expect(phone.GetByTestId("cob-error")).ToHaveTextAsync("请至少填写一个里程碑及其截止日期。");
        await Assertions.Expect(phone.GetByTestId("cob-milestone")).ToHaveCountAsync(0);

        await phone.GetByTestId("cob-plan-text").FillAsync("设计、制作、安装三步走");
        await phone.GetByTestId("cob-plan-milestone").Nth(0).FillAsync("完成设计稿");
        await phone.GetByTestId("cob-plan-due").Nth(0).FillAsync(due.ToString("yyyy-MM-dd"));
        await phone.GetByTestId("cob-plan-milestone").Nth(1).FillAsync("安装上墙");
        await phone.GetByTestId("cob-plan-due").Nth(1).FillAsync(due.AddDays(10).ToString("yyyy-MM-dd"));
        await phone.GetByTestId("cob-plan-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("cob-done")).ToHaveTextAsync("计划已保存。");
        await Assertions.Expect(phone.GetByTestId("cob-milestone")).ToHaveCountAsync(2);
        await Assertions.Expect(phone.GetByTestId("cob-milestone").First).ToContainTextAsync("完成设计稿");

        await phone.GetByTestId("cob-complete-text").FillAsync("文化墙已安装完毕");
        await phone.GetByTestId("cob-complete-photos").SetInputFilesAsync(new FilePayload { Name = "文化墙.png", MimeType = "image/png", Buffer = CaseSetup.Png });
        await phone.GetByTestId("cob-complete-submit").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("cob-done")).ToHaveTextAsync("已提交完成佐证，等待评价。");
        await Assertions.Expect(phone.GetByTestId("cob-project-status")).ToHaveTextAsync("已完成待评价");
        var proof = phone.GetByTestId("cob-entry").Filter(new() { HasText = "文化墙已安装完毕" });
        await Assertions.Expect(proof.GetByTestId("cob-entry-photo")).ToHaveJSPropertyAsync("naturalWidth", 1);
        await Assertions.Expect(phone.GetByTestId("cob-milestone").Filter(new() { HasText = "安装上墙" })).ToContainTextAsync("已完成");
        await Assertions.Expect(phone.GetByTestId("cob-complete-form")).ToHaveCountAsync(0);
        await ConsoleFixture.ScreenshotAsync(phone, "cobuilding-phone-completed");
    }

    [ChromiumFact]
    public async Task A_unit_publishes_a_resource_and_a_grid_worker_publishes_a_need_that_it_matches_on_the_phone()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var (resourceTitle, needTitle) = ($"周末礼堂{suffix}", $"亲子活动场地{suffix}");

        // The grid worker's phone offers their own grid; the need goes there.
        var worker = await app.SignInAsync("grid1", "/m", ConsoleFixture.Phone);
        await worker.GetByTestId("cobuilding-link").ClickAsync();
        var grid = (await worker.GetByTestId("cob-need-grid").Locator("option").First.GetAttributeAsync("value"))!;

        // unit1 publishes a venue in that grid, available from today.
        var unit = await app.SignInAsync("unit1", "/m/cobuilding", ConsoleFixture.Phone);
        await unit.GetByTestId("cob-resource-panel").Locator("summary").ClickAsync();
        await unit.GetByTestId("cob-resource-title").FillAsync(resourceTitle);
        await unit.GetByTestId("cob-resource-category").SelectOptionAsync(new SelectOptionValue { Label = "场地设施" });
        await unit.GetByTestId("cob-resource-capacity").FillAsync("可容纳120人");
        await unit.GetByTestId("cob-resource-grid").SelectOptionAsync(grid);
        await unit.GetByTestId("cob-resource-address").FillAsync("单位礼堂");
        await ConsoleFixture.ScreenshotAsync(unit, "cobuilding-phone-resource");
        await unit.GetByTestId("cob-resource-submit").ClickAsync();
        await Assertions.Expect(unit.GetByTestId("cob-done")).ToHaveTextAsync("资源已发布。");
        await Assertions.Expect(unit.GetByTestId("cob-resource").Filter(new() { HasText = resourceTitle })).ToContainTextAsync("可容纳120人");

        await worker.GetByTestId("cob-need-title").FillAsync(needTitle);
        await worker.GetByTestId("cob-need-category").SelectOptionAsync(new SelectOptionValue { Label = "场地设施" });
        await worker.GetByTestId("cob-need-urgency").SelectOptionAsync(new SelectOptionValue { Label = "紧急" });
        await worker.GetByTestId("cob-need-description").FillAsync("周六上午需要能坐百人的场地");
        await worker.GetByTestId("cob-need-address").FillAsync("小区广场旁");
        await ConsoleFixture.ScreenshotAsync(worker, "cobuilding-phone-need");
        await worker.GetByTestId("cob-need-submit").ClickAsync();
        await Assertions.Expect(worker.GetByTestId("cob-done")).ToHaveTextAsync("需求已发布。");
        await Assertions.Expect(worker.GetByTestId("cob-latest-need").Filter(new() { HasText = needTitle })).ToContainTextAsync("待认领");

        // On unit1's board the urgent need comes with its suggestions: the unit's own venue, at the same place, marked.
        await unit.ReloadAsync();
        var need = unit.GetByTestId("cob-need").Filter(new() { HasText = needTitle });
        await Assertions.Expect(need).ToHaveCountAsync(1);
        await Assertions.Expect(need.GetByTestId("cob-matches")).ToContainTextAsync($"{resourceTitle}");
        await Assertions.Expect(need.GetByTestId("cob-matches").Locator("li").Filter(new() { HasText = resourceTitle })).ToContainTextAsync("本单位");
    }
}
