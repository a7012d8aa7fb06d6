using System.Text.RegularExpressions;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Mobile;

[Collection(ConsoleCollection.Name)]
public sealed partial class MobilePagesTests(ConsoleFixture app)
{
    [GeneratedRegex(@"^\d{4}\*{10}[\dX]{4}$")] private static partial Regex MaskedId();

    [ChromiumFact]
    public async Task Resident_signs_in_from_the_phone_home_and_sees_their_household_with_masked_ids()
    {
        var page = await app.NewPageAsync(ConsoleFixture.Phone);
        await page.GotoAsync("/m");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await ConsoleFixture.SubmitLoginAsync(page, "resident1");
        Assert.Equal("/m", new Uri(page.Url).AbsolutePath);
        await page.GetByRole(AriaRole.Link, new() { Name = "我的家庭" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("mobile-household")).ToBeVisibleAsync();
        var ids = await page.GetByTestId("member-id").AllInnerTextsAsync();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.Matches(MaskedId(), id.Trim()));
        await ConsoleFixture.ScreenshotAsync(page, "mobile-household");
        // Mobile-first: nothing wider than the phone, so no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
    }

    [ChromiumFact]
    public async Task Household_relations_are_shown_in_the_page_language()
    {
        var page = await app.SignInAsync("resident1", "/m/household", ConsoleFixture.Phone);
        var relations = page.GetByTestId("member-relation");
        await Assertions.Expect(relations.First).ToBeVisibleAsync();
        Assert.All(await relations.AllInnerTextsAsync(), r => Assert.Contains(r.Trim(), new[] { "户主", "配偶", "子女", "父母", "其他" }));

        await page.GetByTestId("language-switch").ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^en"));
        Assert.All(await relations.AllInnerTextsAsync(),
            r => Assert.Contains(r.Trim(), new[] { "Head of household", "Spouse", "Child", "Parent", "Other" }));
    }

    [ChromiumFact]
    public async Task Grid_worker_sees_their_grid_on_the_phone()
    {
        var page = await app.SignInAsync("grid1", "/m/grid", ConsoleFixture.Phone);
        var prefix = (await Api.Json(page, "/api/auth/me")).GetProperty("areaPrefixes")[0].GetString()!;
        await page.GotoAsync("/m/grid");

        var code = page.GetByTestId("mobile-grid-code");
        await Assertions.Expect(code).ToHaveCountAsync(1);
        Assert.StartsWith(prefix, (await code.InnerTextAsync()).Trim());
        await ConsoleFixture.ScreenshotAsync(page, "mobile-grid");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
    }

    [ChromiumFact]
    public async Task A_made_up_error_or_done_in_the_address_shows_no_key_and_no_value()
    {
        var page = await app.SignInAsync("resident1", "/m", ConsoleFixture.Phone);

        await page.GotoAsync("/m/points?error=foo");
        await Assertions.Expect(page.GetByTestId("points-error")).ToHaveTextAsync("操作未成功，请重试。");

        await page.GotoAsync("/m/wishes?error=foo");
        await Assertions.Expect(page.GetByTestId("wish-error")).ToHaveTextAsync("操作未成功，请重试。");

        await page.GotoAsync("/m/register?done=foo");
        await Assertions.Expect(page.GetByTestId("register-form").Or(page.GetByTestId("my-registration"))).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("register-done")).ToHaveCountAsync(0);
        Assert.DoesNotContain("foo", await page.Locator("main").InnerTextAsync());
    }

    [ChromiumFact]
    public async Task Anonymous_visit_to_my_household_goes_to_the_login_page()
    {
        var page = await app.NewPageAsync(ConsoleFixture.Phone);
        await page.GotoAsync("/m/household");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByLabel("用户名")).ToBeVisibleAsync();
    }
}
