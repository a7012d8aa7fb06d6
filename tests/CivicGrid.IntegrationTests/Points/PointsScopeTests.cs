using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;

namespace CivicGrid.IntegrationTests.Points;

/// <summary>DOMAIN.md §1 for points: a holder sees their own account; staff their community's rules, catalog, ledger and
/// boards; a merchant its own redemptions; everything else is a 404 (or a 403 for a missing permission).</summary>
public sealed record MerchantDto(Guid Id, string Name);

public sealed class PointsScopeTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_holder_sees_only_their_own_account_and_history(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 12);
        await w.EarnAsync(w.Neighbour, 8);

        var mine = await w.Neighbour.Client.Get<PagedDto<EntryDto>>("/api/points/me/entries");
        Assert.All(mine.Items, e => Assert.Equal(w.Neighbour.Id, e.AccountId));
        Assert.Equal(8, (await w.Neighbour.Client.Get<AccountDto>("/api/points/me")).Balance);
        // The staff routes are not a holder's: no permission.
        Assert.Equal(HttpStatusCode.Forbidden, await w.Neighbour.Client.StatusOf(HttpMethod.Get, $"/api/points/accounts/{w.Resident.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await w.Neighbour.Client.StatusOf(HttpMethod.Get, $"/api/points/ledger?accountId={w.Resident.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await w.ShopKeeper.StatusOf(HttpMethod.Post, $"/api/points/catalog/{Guid.NewGuid()}/redeem"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Staff_see_the_ledger_of_their_community_and_another_community_is_a_404(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 12);
        await w.RaiseAsync(w.ResidentB.Id, PointsEventKinds.MeetingAttended, Guid.NewGuid(), 1, community: w.CommunityB);
        await w.ProjectAsync();

        var ledgerA = await w.StaffA.Get<PagedDto<EntryDto>>("/api/points/ledger");
        Assert.Equal([w.Resident.Id], ledgerA.Items.Select(e => e.AccountId).Distinct());
        var accountsB = await w.StaffB.Get<PagedDto<AccountDto>>("/api/points/accounts");
        Assert.Equal([w.ResidentB.Id], accountsB.Items.Select(a => a.AccountId));
        Assert.Equal(12, (await w.StaffA.Get<AccountDto>($"/api/points/accounts/{w.Resident.Id}")).Balance);
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/points/accounts/{w.Resident.Id}"));
        Assert.Empty((await w.StaffB.Get<PagedDto<EntryDto>>($"/api/points/ledger?accountId={w.Resident.Id}")).Items);
        // Naming another community's area is a 404, as for the figures and the boards, not an empty list.
        foreach (var url in new[] { "/api/points/ledger", "/api/points/ledger/excel", "/api/points/accounts" })
        {
            Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"{url}?area={w.CommunityA}"));
            Assert.Equal(HttpStatusCode.OK, await w.StaffA.StatusOf(HttpMethod.Get, $"{url}?area={w.CommunityA}"));
        }
        var entry = ledgerA.Items[0];
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Post, $"/api/points/entries/{entry.Id}/reverse", new { reason = "越权" }));
        Assert.Equal((12, 12, 1), await w.LedgerOf(w.Resident.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Rules_and_catalog_of_another_community_are_a_404(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        var rules = await w.StaffA.Get<List<RuleDto>>($"/api/points/rules?area={w.CommunityA}");
        Assert.Equal(PointsEventKinds.All, rules.Select(r => r.Kind));
        Assert.Equal((1, false), (rules.Single(r => r.Kind == PointsEventKinds.WishFulfilled).PointsPerUnit, rules.Single(r => r.Kind == PointsEventKinds.WishFulfilled).IsDefault));
        Assert.True(rules.Single(r => r.Kind == PointsEventKinds.VolunteerHours).IsDefault);

        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/points/rules?area={w.CommunityA}"));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Put, $"/api/points/rules/{w.CommunityA}/{PointsEventKinds.WishFulfilled}", new { pointsPerUnit = 99 }));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/points/catalog/manage?area={w.CommunityA}"));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/points/merchants?area={w.CommunityA}"));
        var merchants = (await w.StaffA.Get<List<MerchantDto>>($"/api/points/merchants?area={w.CommunityA}")).Select(m => m.Name).ToList();
        Assert.Contains("甲社区便民超市", merchants);
        Assert.Contains("甲社区长者食堂", merchants);
        Assert.DoesNotContain("乙社区驿站", merchants);
        var item = await w.ItemAsync(price: 10, stock: 1);
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Post, "/api/points/catalog", new
        {
            areaCode = w.CommunityA, category = 3, name = "越权商品", price = 1, stock = 1, merchantId = w.Shop.Id,
        }));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Put, $"/api/points/catalog/{item.Id}", new
        {
            areaCode = w.CommunityB, category = 3, name = "搬走", price = 1, stock = 1, merchantId = w.Shop.Id,
        }));
        // A community's catalog names its own units as merchants only.
        var otherMerchant = await w.StaffB.PostAsJsonAsync("/api/points/catalog", new
        {
            areaCode = w.CommunityB, category = 3, name = "借用商户", price = 1, stock = 1, merchantId = w.Shop.Id,
        });
        Assert.Equal("points.unknown_merchant", await otherMerchant.ProblemCode());
        Assert.Equal(1, (await w.StaffA.Get<List<RuleDto>>($"/api/points/rules?area={w.CommunityA}")).Single(r => r.Kind == PointsEventKinds.WishFulfilled).PointsPerUnit);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Leaderboards_rank_by_points_earned_and_a_holder_sees_only_their_own_grid_and_community(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 30);
        await w.EarnAsync(w.Neighbour, 50);
        var item = await w.ItemAsync(price: 45, stock: 1);
        await PointsWorld.RedeemAsync(w.Neighbour.Client, item.Id); // spending does not lower a rank
        var grids = w.District.GridsOf(w.District.CommunityA).ToList();

        var community = await w.Resident.Client.Get<BoardDto>("/api/points/leaderboard");
        Assert.Equal(w.CommunityA, community.AreaCode);
        Assert.Equal([(1, 50, false), (2, 30, true)], community.Top.Select(r => (r.Rank, r.Earned, r.Me)));
        Assert.EndsWith("*", community.Top[0].Name);
        Assert.Equal(2, community.Mine!.Rank);
        var grid = await w.Resident.Client.Get<BoardDto>($"/api/points/leaderboard?area={grids[0].AreaCode}");
        Assert.Equal([w.Resident.Id], grid.Top.Select(r => r.AccountId));

        Assert.Equal(HttpStatusCode.NotFound, await w.Resident.Client.StatusOf(HttpMethod.Get, $"/api/points/leaderboard?area={grids[1].AreaCode}"));
        Assert.Equal(HttpStatusCode.NotFound, await w.Resident.Client.StatusOf(HttpMethod.Get, $"/api/points/leaderboard?area={w.CommunityB}"));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/points/leaderboard?area={w.CommunityA}"));
        var staff = await w.StaffA.Get<BoardDto>($"/api/points/leaderboard?area={w.CommunityA}&period=All");
        Assert.DoesNotContain(staff.Top, r => r.Name.EndsWith('*'));
    }
}
