using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Identity;

[Collection(ConsoleCollection.Name)]
public sealed class AccountScopeTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task A_new_community_account_sees_only_its_community()
    {
        var community = await Api.CommunityOf(app, "community2");
        var userName = $"cw{Guid.NewGuid():N}"[..12];
        var page = await app.SignInAsync("admin", "/admin/accounts");

        await Assertions.Expect(page.GetByTestId("account-table").Locator("tbody tr").First).ToBeVisibleAsync(); // the page is live
        await page.GetByTestId("account-create").ClickAsync();
        await page.GetByTestId("account-username").FillAsync(userName);
        await page.GetByTestId("account-displayname").FillAsync("测试社工");
        await page.GetByTestId("account-password").FillAsync(ConsoleFixture.Password);
        await page.GetByTestId("account-roles").ClickAsync();
        var option = page.GetByRole(AriaRole.Option, new() { Name = "社区工作者" });
        await option.ClickAsync();
        await Assertions.Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        // A click outside the open list lands on its overlay and closes it, like a person clicking the dialog's title.
        var field = (await page.GetByTestId("account-username").BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(field.X + field.Width / 2, field.Y - 40); // just above the first field: the title
        await Assertions.Expect(option).ToBeHiddenAsync();
        await page.GetByTestId("scope-add").ClickAsync();
        await page.GetByTestId("scope-area").FillAsync(community);
        await ConsoleFixture.ScreenshotAsync(page, "account-create");
        await page.GetByTestId("account-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("account-table")).ToContainTextAsync(userName);

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/login");
        await page.GotoAsync("/login?returnUrl=%2Fareas");
        await ConsoleFixture.SubmitLoginAsync(page, userName);

        var links = page.GetByTestId("area-link");
        await Assertions.Expect(links).ToHaveCountAsync(1);
        Assert.Equal($"/areas/{community}", await links.GetAttributeAsync("href"));
        await ConsoleFixture.ScreenshotAsync(page, "account-new-areas");
    }
}
