using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Web;

[Collection(ConsoleCollection.Name)]
public sealed class LanguageSwitchTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task English_switch_changes_the_navigation_labels()
    {
        var page = await app.SignInAsync("community1", "/areas");
        await Assertions.Expect(page.GetByTestId("nav-areas")).ToContainTextAsync("区划网格");
        await Assertions.Expect(page.GetByTestId("nav-residents")).ToContainTextAsync("居民");

        await page.GetByTestId("language-switch").ClickAsync();

        await Assertions.Expect(page.GetByTestId("nav-areas")).ToContainTextAsync("Areas & grids");
        await Assertions.Expect(page.GetByTestId("nav-residents")).ToContainTextAsync("Residents");
        Assert.Equal("/areas", new Uri(page.Url).AbsolutePath);
    }
}
