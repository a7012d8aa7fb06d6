using System.Text.RegularExpressions;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.People;

[Collection(ConsoleCollection.Name)]
public sealed partial class ResidentsPageTests(ConsoleFixture app)
{
    [GeneratedRegex(@"^\d{4}\*{10}[\dX]{4}$")] private static partial Regex MaskedId();
    [GeneratedRegex(@"^\d{17}[\dX]$")] private static partial Regex FullId();

    [ChromiumFact]
    public async Task Community_worker_sees_masked_ids_and_the_reveal_dialog_shows_the_full_number()
    {
        var page = await app.SignInAsync("community1", "/residents");
        var masked = page.GetByTestId("id-masked");
        await Assertions.Expect(masked.First).ToBeVisibleAsync();
        foreach (var id in await masked.AllInnerTextsAsync())
            Assert.Matches(MaskedId(), id.Trim());

        await page.GetByTestId("reveal-button").First.ClickAsync();
        var revealed = page.GetByTestId("revealed-id");
        await Assertions.Expect(revealed).ToBeVisibleAsync();
        Assert.Matches(FullId(), (await revealed.InnerTextAsync()).Trim());
    }

    [ChromiumFact]
    public async Task Building_leader_without_reveal_permission_sees_no_reveal_button()
    {
        var page = await app.SignInAsync("building1", "/residents");
        await Assertions.Expect(page.GetByTestId("id-masked").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("reveal-button").CountAsync());
    }
}
