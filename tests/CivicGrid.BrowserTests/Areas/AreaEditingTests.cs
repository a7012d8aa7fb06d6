using System.Text.Json;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using static CivicGrid.BrowserTests.Infrastructure.ConsoleFixture;

namespace CivicGrid.BrowserTests.Areas;

[Collection(ConsoleCollection.Name)]
public sealed class AreaEditingTests(ConsoleFixture app)
{
    /// <summary>community2's worker creates a grid in their community, renames it and retires it — all from the area pages.</summary>
    [ChromiumFact]
    public async Task Community_worker_creates_renames_and_retires_a_grid()
    {
        var page = await app.SignInAsync("community2", "/areas");
        var me = await page.Context.APIRequest.GetAsync("/api/auth/me");
        var community = (await me.JsonAsync())!.Value.GetProperty("areaPrefixes")[0].GetString()!;

        await page.GotoAsync($"/areas/{community}");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("area-create").ClickAsync();
        await Field(page, "area-serial").FillAsync("901");
        await Field(page, "area-name").FillAsync("浏览器测试网格");
        await page.GetByTestId("area-save").ClickAsync();

        var grid = community + "901";
        await page.WaitForURLAsync($"**/areas/{grid}");
        await Assertions.Expect(page.GetByTestId("area-title")).ToHaveTextAsync("浏览器测试网格");

        await page.GetByTestId("area-rename").ClickAsync();
        await Field(page, "area-name").FillAsync("改名后的网格");
        await page.GetByTestId("area-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("area-title")).ToHaveTextAsync("改名后的网格");

        // Creating the same code again is refused with the Chinese message, and nothing changes.
        await page.GotoAsync($"/areas/{community}");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("area-create").ClickAsync();
        await Field(page, "area-serial").FillAsync("901");
        await Field(page, "area-name").FillAsync("重复");
        await page.GetByTestId("area-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("area-error")).ToHaveTextAsync("该区划代码已存在。");

        await page.GotoAsync($"/areas/{grid}");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await page.GetByTestId("area-retire").ClickAsync();
        await page.GetByTestId("area-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToBeVisibleAsync();

        var detail = await page.Context.APIRequest.GetAsync($"/api/areas/{grid}");
        var area = (await detail.JsonAsync())!.Value.GetProperty("area");
        Assert.Equal("改名后的网格", area.GetProperty("name").GetString());
        Assert.True(area.GetProperty("retired").GetBoolean());
        await page.Context.CloseAsync();
    }

    /// <summary>A user changes their password from the console; the old one stops working. (community3 is used by no other test.)</summary>
    [ChromiumFact]
    public async Task User_changes_their_password_and_signs_in_with_the_new_one()
    {
        const string changed = "changed2026";
        var page = await app.SignInAsync("community3", "/account/password");
        await ConsoleFixture.WaitForCircuitAsync(page);
        await ChangeAsync(page, ConsoleFixture.Password, changed);
        await Assertions.Expect(page.GetByTestId("password-message")).ToHaveTextAsync("密码已修改。");

        var token = await page.Context.APIRequest.PostAsync("/api/auth/token", new()
        { DataObject = new { userName = "community3", password = changed } });
        Assert.True(token.Ok);
        var old = await page.Context.APIRequest.PostAsync("/api/auth/token", new()
        { DataObject = new { userName = "community3", password = ConsoleFixture.Password } });
        Assert.Equal(401, old.Status);

        await ChangeAsync(page, changed, ConsoleFixture.Password); // leave the demo account as the README says
        await Assertions.Expect(page.GetByTestId("password-message")).ToHaveTextAsync("密码已修改。");
        await page.Context.CloseAsync();
    }

    static async Task ChangeAsync(IPage page, string current, string next)
    {
        await Field(page, "password-current").FillAsync(current);
        await Field(page, "password-new").FillAsync(next);
        await Field(page, "password-repeat").FillAsync(next);
        await page.GetByTestId("password-save").ClickAsync();
    }
}
