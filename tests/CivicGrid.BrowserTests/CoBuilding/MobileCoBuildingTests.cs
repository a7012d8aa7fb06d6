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
}
