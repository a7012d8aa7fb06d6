using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Identity;

[Collection(ConsoleCollection.Name)]
public sealed class LoginTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task Wrong_password_shows_the_Chinese_error_and_stays_on_the_login_page()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("用户名").FillAsync("street2");
        await page.GetByLabel("密码").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码错误。");
        Assert.StartsWith("/login", new Uri(page.Url).AbsolutePath);
    }

    [ChromiumFact]
    public async Task A_console_page_without_a_session_goes_to_the_login_page_and_back_after_signing_in()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/residents");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);

        await page.GetByLabel("用户名").FillAsync("grid1");
        await page.GetByLabel("密码").FillAsync(ConsoleFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/residents");
    }
}
