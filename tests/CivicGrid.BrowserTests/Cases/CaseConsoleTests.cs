using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Cases;

/// <summary>The closed loop from the console (DOMAIN.md §3): community, street and department staff on their pages.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CaseConsoleTests(ConsoleFixture app)
{
    const string Cityscape = "区综合行政执法局";
    const string Housing = "区住房和城乡建设局";

    [ChromiumFact]
    public async Task Community_worker_accepts_and_dispatches_a_case_which_leaves_their_queues()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var (id, number) = await setup.ReportAsync("井盖缺失，行人易跌倒（浏览器测试a）");
        var page = await app.SignInAsync("community1", "/cases");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("case-table")).ToContainTextAsync(number); // 待受理 is their first queue

        await page.GetByTestId("case-link").Filter(new() { HasText = number }).ClickAsync();
        await page.WaitForURLAsync($"**/cases/{id}");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await Act(page, "Accept", "已电话核实");
        await ExpectStatus(page, "Accepted");

        await page.GetByTestId("action-Dispatch").ClickAsync();
        await Choose(page, "action-lead", Cityscape);
        await ConsoleFixture.ScreenshotAsync(page, "case-dispatch");
        await page.GetByTestId("action-confirm").ClickAsync();
        await ExpectStatus(page, "Dispatched");
        await Assertions.Expect(page.GetByTestId("assignment")).ToContainTextAsync(Cityscape);
        await Assertions.Expect(page.GetByTestId("case-light")).ToHaveAttributeAsync("data-light", "Green");
        await ConsoleFixture.ScreenshotAsync(page, "case-dispatched");

        await page.GotoAsync("/cases");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await Search(page, number);
        await Tab(page, "All");
        await Assertions.Expect(page.GetByTestId("case-table").GetByTestId("case-status")).ToHaveTextAsync("已派遣");
        foreach (var queue in new[] { "ToAccept", "ToDispatch" })
        {
            await Tab(page, queue);
            await Assertions.Expect(page.GetByTestId("case-table-empty")).ToBeVisibleAsync();
            await Tab(page, "All");
            await Assertions.Expect(page.GetByTestId("case-link")).ToHaveTextAsync(number);
        }
    }

    [ChromiumFact]
    public async Task Department_returns_a_case_and_after_redispatch_signs_for_starts_and_reports_it_handled()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var (id, number) = await setup.ReportAsync("人行道违规占道经营（浏览器测试b）");
        await setup.MoveAsync(id, "accept");
        var cityscape = await setup.UnitAsync(id, Cityscape);
        await setup.MoveAsync(id, "dispatch", new { leadUnitId = cityscape });

        var dept = await app.SignInAsync("dept_cg", "/cases");
        await ConsoleFixture.WaitForCircuitAsync(dept);
        await Assertions.Expect(dept.GetByTestId("queue-ToSignFor")).ToBeVisibleAsync(); // a department lands on 待签收
        await Assertions.Expect(dept.GetByTestId("case-table")).ToContainTextAsync(number);
        await OpenCase(dept, id);
        await Act(dept, "Return", "该路段属住建部门管理，非本单位职责");
        await ExpectStatus(dept, "Accepted");
        Assert.Equal(0, await dept.GetByTestId("case-actions").CountAsync()); // nothing left for the department to do

        var community = await app.SignInAsync("community1", "/cases?queue=Returned");
        await ConsoleFixture.WaitForCircuitAsync(community);
        await Assertions.Expect(community.GetByTestId("case-table")).ToContainTextAsync(number);
        await Assertions.Expect(community.GetByTestId("case-table").GetByTestId("flag-returned").First).ToHaveTextAsync("退单1");
        await OpenCase(community, id);
        await Assertions.Expect(community.GetByTestId("history-entry").Filter(new() { HasText = "退单" }))
            .ToContainTextAsync("该路段属住建部门管理，非本单位职责");
        await community.GetByTestId("action-Dispatch").ClickAsync();
        await Choose(community, "action-lead", Cityscape);
        await community.GetByTestId("action-confirm").ClickAsync();
        await ExpectStatus(community, "Dispatched");

        await OpenCase(dept, id);
        await dept.GetByTestId("action-SignFor").ClickAsync();
        await ExpectStatus(dept, "SignedFor");
        await Act(dept, "StartHandling", "已派执法队员前往");
        await ExpectStatus(dept, "Handling");
        await dept.GetByTestId("action-ReportHandled").ClickAsync();
        await Field(dept, "action-comment").FillAsync("已劝离摊贩，恢复通行");
        await dept.GetByTestId("action-photos").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "处置后.png", MimeType = "image/png", Buffer = CaseSetup.Png,
        });
        await Assertions.Expect(dept.GetByTestId("photo-chip")).ToHaveTextAsync("处置后.png");
        await dept.GetByTestId("action-confirm").ClickAsync();
        await ExpectStatus(dept, "Handled");
        var handled = dept.GetByTestId("history-entry").And(dept.Locator("[data-action=ReportHandled]"));
        await Assertions.Expect(handled).ToContainTextAsync("已劝离摊贩，恢复通行");
        var photo = handled.GetByTestId("history-attachment");
        await Assertions.Expect(photo).ToHaveCountAsync(1);
        var file = await dept.Context.APIRequest.GetAsync((await photo.GetAttributeAsync("href"))!);
        Assert.Equal(CaseSetup.Png, await file.BodyAsync()); // served to the department with its cookie
        await ConsoleFixture.ScreenshotAsync(dept, "case-handled");
    }

    [ChromiumFact]
    public async Task Street_whistles_two_departments_after_the_community_escalates_and_both_report_in()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var (id, _) = await setup.ReportAsync("小区外墙脱落且占道堆放建筑垃圾（浏览器测试c）");
        await setup.MoveAsync(id, "accept");

        var community = await app.SignInAsync("community1", $"/cases/{id}");
        await ConsoleFixture.WaitForCircuitAsync(community);
        Assert.Equal(0, await community.GetByTestId("action-Whistle").CountAsync()); // a community cannot whistle
        await Act(community, "Escalate", "涉及多个部门，社区无法协调");
        await Assertions.Expect(community.GetByTestId("case-item")).ToContainTextAsync("街道级");
        Assert.Equal(0, await community.GetByTestId("action-Dispatch").CountAsync()); // now the street's

        var street = await app.SignInAsync("street1", $"/cases/{id}");
        await ConsoleFixture.WaitForCircuitAsync(street);
        await street.GetByTestId("action-Whistle").ClickAsync();
        await Choose(street, "action-lead", Cityscape);
        await Choose(street, "action-cooperating", Housing);
        // A click outside the open list lands on its overlay and closes it, like a person clicking the dialog's title.
        var title = (await street.GetByTestId("action-title").BoundingBoxAsync())!;
        await street.Mouse.ClickAsync(title.X + 4, title.Y + title.Height / 2);
        await Assertions.Expect(street.GetByRole(AriaRole.Option, new() { Name = Housing })).ToBeHiddenAsync();
        await Field(street, "action-comment").FillAsync("请两部门今日到场");
        await street.GetByTestId("action-confirm").ClickAsync();
        await ExpectStatus(street, "Dispatched");
        await Assertions.Expect(street.GetByTestId("flag-whistled")).ToBeVisibleAsync();
        await Assertions.Expect(street.GetByTestId("assignment")).ToHaveCountAsync(2);

        foreach (var (account, unit) in new[] { ("dept_cg", Cityscape), ("dept_zj", Housing) })
        {
            var dept = await app.SignInAsync(account, $"/cases/{id}");
            await ConsoleFixture.WaitForCircuitAsync(dept);
            await Assertions.Expect(dept.GetByTestId("action-SignFor")).ToHaveTextAsync("报到");
            await dept.GetByTestId("action-SignFor").ClickAsync();
            await Assertions.Expect(dept.GetByTestId("assignment").Filter(new() { HasText = unit })).ToHaveAttributeAsync("data-signed", "true");
            await dept.Context.CloseAsync();
        }

        // The street's open page shows both units in without a reload.
        await Assertions.Expect(street.Locator("[data-testid=assignment][data-signed=true]")).ToHaveCountAsync(2);
        await ExpectStatus(street, "SignedFor");
        await ConsoleFixture.ScreenshotAsync(street, "case-whistled");
    }

    [ChromiumFact]
    public async Task A_case_reported_through_the_api_appears_in_the_community_queue_without_a_reload()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var page = await app.SignInAsync("community1", "/cases");
        await ConsoleFixture.WaitForCircuitAsync(page);
        var count = page.GetByTestId("queue-count-ToAccept");
        await Assertions.Expect(count).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+$"));
        var before = int.Parse(await count.TextContentAsync() ?? "");

        var grid = await Api.ClientAsync(app, "grid1");
        var (_, number) = await setup.ReportAsync("路灯不亮（浏览器测试d）", grid);

        await Assertions.Expect(page.GetByTestId("case-table")).ToContainTextAsync(number);
        await Assertions.Expect(count).ToHaveTextAsync((before + 1).ToString());
        await ConsoleFixture.ScreenshotAsync(page, "case-queue-live");
    }

    static async Task OpenCase(IPage page, Guid id)
    {
        await page.GotoAsync($"/cases/{id}");
        await ConsoleFixture.WaitForCircuitAsync(page);
    }

    /// <summary>Clicks a move's button, writes the comment or reason in its dialog and confirms.</summary>
    static async Task Act(IPage page, string action, string comment)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        await Field(page, "action-comment").FillAsync(comment);
        await page.GetByTestId("action-confirm").ClickAsync();
    }

    static Task ExpectStatus(IPage page, string status) =>
        Assertions.Expect(page.GetByTestId("case-status").First).ToHaveAttributeAsync("data-status", status);

    static async Task Choose(IPage page, string select, string option)
    {
        await page.GetByTestId(select).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
    }

    static async Task Tab(IPage page, string queue)
    {
        await page.GetByTestId($"queue-{queue}").ClickAsync();
    }

    static async Task Search(IPage page, string text)
    {
        await Field(page, "case-search").FillAsync(text);
        await page.GetByTestId("case-search-button").ClickAsync();
    }

    static ILocator Field(IPage page, string testId) =>
        page.Locator($":is(input,textarea)[data-testid={testId}], [data-testid={testId}] :is(input,textarea)").First;
}
