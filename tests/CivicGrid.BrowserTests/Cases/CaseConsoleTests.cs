using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static CivicGrid.BrowserTests.Infrastructure.ConsoleFixture;

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
        // The list form waits for exactly this one row: the single-text form fails at once on the first queue's rows
        // while the search is still on its way (Playwright's strict mode).
        await Assertions.Expect(page.GetByTestId("case-table").GetByTestId("case-status")).ToHaveTextAsync(["已派遣"]);
        foreach (var queue in new[] { "ToAccept", "ToDispatch" })
        {
            await Tab(page, queue);
            await Assertions.Expect(page.GetByTestId("case-table-empty")).ToBeVisibleAsync();
            await Tab(page, "All");
            await Assertions.Expect(page.GetByTestId("case-link")).ToHaveTextAsync([number]);
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
        await Assertions.Expect(Field(street, "action-cooperating")).ToHaveValueAsync(Housing); // the unit's name, not its id
        await Assertions.Expect(Field(street, "action-lead")).ToHaveValueAsync(Cityscape);
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

    [ChromiumFact]
    public async Task An_english_queue_stays_english_when_a_new_case_arrives_live()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var page = await app.SignInAsync("community1", "/cases");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.GetByTestId("queue-ToAccept")).ToContainTextAsync("To accept");
        await ConsoleFixture.WaitForCircuitAsync(page);

        var (_, number) = await setup.ReportAsync("路灯不亮（浏览器测试：英文页面实时刷新）", await Api.ClientAsync(app, "grid1"));

        // The refresh runs outside the circuit's context; it used to render in the default culture, Chinese.
        await Assertions.Expect(page.GetByTestId("case-table")).ToContainTextAsync(number);
        await Assertions.Expect(page.GetByTestId("queue-ToAccept")).ToContainTextAsync("To accept");
        await Assertions.Expect(page.GetByTestId("queue-All")).ToContainTextAsync("All");
    }

    [ChromiumFact]
    public async Task Community_worker_registers_a_hotline_case_on_the_map_after_seeing_the_duplicate_hint()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var (_, earlier) = await setup.ReportAsync("同一处占道经营，上午已有人反映（浏览器测试e）");
        var page = await app.SignInAsync("community1", "/cases/new");
        await ConsoleFixture.WaitForCircuitAsync(page);

        await Choose(page, "intake-source", "12345热线");
        await Field(page, "intake-reporter").FillAsync("李女士");
        await Field(page, "intake-phone").FillAsync("13812345678");
        await Choose(page, "intake-category", setup.Item.CategoryName);
        await Choose(page, "intake-item", setup.Item.Name);
        await Field(page, "intake-description").FillAsync("早市摊贩占用人行道，行人只能走机动车道");
        // Click the middle of the first grid, as a person aims at the map; the earlier case sits there.
        var map = page.GetByTestId("intake-map");
        await Assertions.Expect(map.Locator(".cg-grid").First).ToBeAttachedAsync();
        var grid = (await map.Locator(".cg-grid").First.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(grid.X + grid.Width / 2, grid.Y + grid.Height / 2);
        await Assertions.Expect(page.GetByTestId("intake-grid")).ToContainTextAsync("位于");
        await Assertions.Expect(page.GetByTestId("intake-duplicates")).ToContainTextAsync(earlier);
        await page.GetByTestId("intake-photos").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "现场.png", MimeType = "image/png", Buffer = CaseSetup.Png,
        });
        await Assertions.Expect(page.GetByTestId("photo-chip")).ToHaveTextAsync("现场.png");
        await ConsoleFixture.ScreenshotAsync(page, "case-intake");

        await page.GetByTestId("intake-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/cases/") && !url.EndsWith("/new"));
        await ConsoleFixture.WaitForCircuitAsync(page);
        await ExpectStatus(page, "Reported");
        await Assertions.Expect(page.GetByTestId("case-facts")).ToContainTextAsync("12345热线");
        await Assertions.Expect(page.GetByTestId("case-phone")).ToHaveTextAsync("138****5678"); // personal data shown masked
        await Assertions.Expect(page.GetByTestId("history-entry").GetByTestId("history-attachment")).ToHaveCountAsync(1);
        Assert.NotEqual(earlier, await page.GetByTestId("case-number").TextContentAsync());
    }

    [ChromiumFact]
    public async Task A_double_click_on_register_makes_one_case()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var description = $"井盖松动（浏览器测试双击{Guid.NewGuid():N}）";
        var page = await app.SignInAsync("community1", "/cases/new");
        await ConsoleFixture.WaitForCircuitAsync(page);

        await Choose(page, "intake-category", setup.Item.CategoryName);
        await Choose(page, "intake-item", setup.Item.Name);
        await Field(page, "intake-description").FillAsync(description);
        await Field(page, "intake-lon").FillAsync(setup.Point.Lon.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field(page, "intake-lat").FillAsync(setup.Point.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field(page, "intake-lat").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("intake-grid")).ToContainTextAsync("位于");
        await page.GetByTestId("intake-submit").DblClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/cases/") && !url.EndsWith("/new"));
        await ConsoleFixture.WaitForCircuitAsync(page);
        await ExpectStatus(page, "Reported");
        var found = await Api.GetAsync(setup.Community, $"/api/cases?q={Uri.EscapeDataString(description)}");
        Assert.Equal(1, found.GetProperty("total").GetInt32());
    }

    [ChromiumFact]
    public async Task A_report_of_a_problem_already_open_nearby_is_registered_into_that_case()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var (earlierId, _) = await setup.ReportAsync("路口占道摆摊（浏览器测试h）");
        var page = await app.SignInAsync("community1", "/cases/new");
        await ConsoleFixture.WaitForCircuitAsync(page);

        await Choose(page, "intake-category", setup.Item.CategoryName);
        await Choose(page, "intake-item", setup.Item.Name);
        await Field(page, "intake-description").FillAsync("路口又有人摆摊");
        await Field(page, "intake-lon").FillAsync(setup.Point.Lon.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field(page, "intake-lat").FillAsync(setup.Point.Lat.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Field(page, "intake-lat").PressAsync("Tab");
        var hint = page.GetByTestId("intake-duplicate").Filter(new() { Has = page.Locator($"a[href='/cases/{earlierId}']") });
        await hint.GetByTestId("intake-merge").ClickAsync();

        await page.WaitForURLAsync($"**/cases/{earlierId}");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToHaveAttributeAsync("data-action", "AbsorbMerged");
        await ExpectStatus(page, "Reported"); // the earlier case carries on
    }

    [ChromiumFact]
    public async Task A_refused_move_shows_the_reason_and_a_stale_page_says_so_and_reloads()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var (id, _) = await setup.ReportAsync("楼道堆放杂物（浏览器测试f）");
        var page = await app.SignInAsync("community1", $"/cases/{id}");
        await ConsoleFixture.WaitForCircuitAsync(page);

        await page.GetByTestId("action-Reject").ClickAsync();
        await page.GetByTestId("action-confirm").ClickAsync(); // no reason
        await Assertions.Expect(page.GetByTestId("action-error")).ToHaveTextAsync("请填写原因。");
        await page.GetByTestId("action-cancel").ClickAsync();

        // A colleague accepts it through the API while the dialog is open: the page behind refreshes, the dialog's
        // decision was taken on the case as it was.
        await page.GetByTestId("action-Reject").ClickAsync();
        await Field(page, "action-comment").FillAsync("不属于受理范围");
        await setup.MoveAsync(id, "accept", new { comment = "另一位同事已受理" });
        await ExpectStatus(page, "Accepted");
        await page.GetByTestId("action-confirm").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("数据已被他人修改");
        await Assertions.Expect(page.GetByTestId("history-entry").First).ToHaveAttributeAsync("data-action", "Accept");
    }

    [ChromiumFact]
    public async Task A_department_workbench_counts_its_queues_and_leads_to_them()
    {
        var setup = await CaseSetup.CreateAsync(app);
        var (id, number) = await setup.ReportAsync("道路积水（浏览器测试g）");
        await setup.MoveAsync(id, "accept");
        await setup.MoveAsync(id, "dispatch", new { leadUnitId = await setup.UnitAsync(id, Cityscape) });

        var page = await app.SignInAsync("dept_cg");
        var toSignFor = (await Api.Json(page, "/api/cases/queues")).EnumerateArray()
            .Single(q => q.GetProperty("queue").GetString() == "ToSignFor").GetProperty("count").GetInt32();
        Assert.True(toSignFor >= 1);
        await Assertions.Expect(page.GetByTestId("home-queue-count-ToSignFor")).ToHaveTextAsync(toSignFor.ToString());
        Assert.Equal(0, await page.GetByTestId("home-queue-ToAccept").CountAsync()); // a department does not accept cases
        await ConsoleFixture.ScreenshotAsync(page, "case-workbench-department");

        await page.GetByTestId("home-queue-ToSignFor").ClickAsync();
        await page.WaitForURLAsync("**/cases?queue=ToSignFor");
        await Assertions.Expect(page.GetByTestId("queue-ToSignFor")).ToHaveAttributeAsync("data-selected", "true");
        await Assertions.Expect(page.GetByTestId("case-table")).ToContainTextAsync(number);
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
}
