using CivicGrid.BrowserTests.Cases;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.CoBuilding;

/// <summary>需求清单 from the console: a co-building unit claims a community's need; the community confirms it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class UnitClaimsNeedTests(ConsoleFixture app)
{
    [ChromiumFact]
    public async Task A_unit_claims_a_need_and_the_community_confirms_it()
    {
        // community1 publishes a need in its first grid, as its app would.
        var setup = await CaseSetup.CreateAsync(app);
        var title = $"浏览器测试需求{Guid.NewGuid().ToString("N")[..6]}";
        await Api.PostAsync(setup.Community, "/api/cobuilding/needs", new
        {
            category = "venue", title, description = "每周二下午需要活动室", urgency = "High", longitude = setup.Point.Lon, latitude = setup.Point.Lat,
        });

        // unit1's enterprise is a member of community1's 大党委: the need is open to it.
        var unit = await app.SignInAsync("unit1", "/cobuilding");
        await ConsoleFixture.WaitForCircuitAsync(unit);
        var row = unit.GetByTestId("need-table").Locator("tr").Filter(new() { HasText = title });
        await Assertions.Expect(row.GetByTestId("need-status")).ToHaveTextAsync("待认领");
        await row.GetByTestId("need-claim").ClickAsync();
        await Assertions.Expect(row.GetByTestId("need-status")).ToHaveTextAsync("待确认");
        Assert.Equal(0, await row.GetByTestId("need-claim").CountAsync());
        await ConsoleFixture.ScreenshotAsync(unit, "cobuilding-unit-claimed");

        var community = await app.SignInAsync("community1", "/cobuilding");
        await ConsoleFixture.WaitForCircuitAsync(community);
        var theirs = community.GetByTestId("need-table").Locator("tr").Filter(new() { HasText = title });
        await Assertions.Expect(theirs.GetByTestId("need-status")).ToHaveTextAsync("待确认");
        await theirs.GetByTestId("need-matches").ClickAsync();
        await Assertions.Expect(community.GetByTestId("need-match-list")).ToContainTextAsync(title);
        await theirs.GetByTestId("need-confirm").ClickAsync();
        await Assertions.Expect(theirs.GetByTestId("need-status")).ToHaveTextAsync("已确认");
        await ConsoleFixture.ScreenshotAsync(community, "cobuilding-community-confirmed");

        // The unit sees its claim confirmed.
        await unit.ReloadAsync();
        await ConsoleFixture.WaitForCircuitAsync(unit);
        await Assertions.Expect(unit.GetByTestId("need-table").Locator("tr").Filter(new() { HasText = title }).GetByTestId("need-status")).ToHaveTextAsync("已确认");
    }
}
