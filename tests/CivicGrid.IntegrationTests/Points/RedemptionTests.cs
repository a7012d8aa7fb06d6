using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Points;

/// <summary>Redeeming from the catalog, the merchant redeeming the code once, cancelling with a refund; bad input refused
/// with nothing half-written.</summary>
public sealed class RedemptionTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_redemption_spends_takes_stock_and_issues_a_code_the_merchant_redeems_once(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 50);
        var item = await w.ItemAsync(price: 30, stock: 2);

        var catalog = await w.Resident.Client.Get<List<ItemDto>>("/api/points/catalog");
        Assert.Equal(("洗衣液一瓶", "甲社区便民超市"), (Assert.Single(catalog).Name, catalog[0].MerchantName));
        var code = await PointsWorld.RedeemAsync(w.Resident.Client, item.Id);
        Assert.Equal((RedemptionStatus.Issued, 30, 10), (code.Status, code.Price, code.Code.Length));
        Assert.Equal(20, (await w.Resident.Client.Get<AccountDto>("/api/points/me")).Balance);
        Assert.Equal(1, (await w.Resident.Client.Get<List<ItemDto>>("/api/points/catalog")).Single().Stock);
        var spend = (await w.Resident.Client.Get<PagedDto<EntryDto>>("/api/points/me/entries")).Items.First();
        Assert.Equal((PointsEntryKind.Spend, -30, "redemption", code.Id), (spend.Kind, spend.Amount, spend.SourceKind, spend.SourceId));

        // Another merchant does not know the code; the right one redeems it once, typed the way people type it.
        var foreign = await w.CanteenKeeper.PostAsync($"/api/points/codes/{code.Code}/redeem", null);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("points.code_unknown", await foreign.ProblemCode());
        Assert.Empty(await w.CanteenKeeper.Get<List<RedemptionDto>>("/api/points/merchant/redemptions"));
        var typed = $"{code.Code[..5].ToLowerInvariant()}-{code.Code[5..]}";
        var redeemed = await w.ShopKeeper.PostAsync($"/api/points/codes/{typed}/redeem", null);
        Assert.True(redeemed.IsSuccessStatusCode, await redeemed.Content.ReadAsStringAsync());
        Assert.Equal(RedemptionStatus.Redeemed, (await redeemed.Content.ReadFromJsonAsync<RedemptionDto>(Http.Json))!.Status);
        var twice = await w.ShopKeeper.PostAsync($"/api/points/codes/{code.Code}/redeem", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("points.code_used", await twice.ProblemCode());

        Assert.Equal(RedemptionStatus.Redeemed, Assert.Single(await w.ShopKeeper.Get<List<RedemptionDto>>("/api/points/merchant/redemptions")).Status);
        Assert.Equal(RedemptionStatus.Redeemed, Assert.Single(await w.Resident.Client.Get<List<RedemptionDto>>("/api/points/me/redemptions")).Status);
        // A redeemed code is spent: it cannot be cancelled for a refund.
        Assert.Equal("points.code_used", await (await w.Resident.Client.PostAsync($"/api/points/redemptions/{code.Id}/cancel", null)).ProblemCode());
        Assert.Equal((20, 20, 2), await w.LedgerOf(w.Resident.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Beyond_balance_or_stock_is_refused_and_nothing_is_written(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 25);
        var dear = await w.ItemAsync(price: 30, stock: 5, name: "物业费抵扣30元", category: RedemptionCategory.PropertyFee);
        var gone = await w.ItemAsync(price: 5, stock: 0, name: "抽纸一提");

        var poor = await w.Resident.Client.PostAsync($"/api/points/catalog/{dear.Id}/redeem", null);
        Assert.Equal("points.insufficient", await poor.ProblemCode());
        var empty = await w.Resident.Client.PostAsync($"/api/points/catalog/{gone.Id}/redeem", null);
        Assert.Equal("points.out_of_stock", await empty.ProblemCode());
        // Someone who never earned has no account: insufficient, not an error of ours.
        Assert.Equal("points.insufficient", await (await w.Neighbour.Client.PostAsync($"/api/points/catalog/{gone.Id}/redeem", null)).ProblemCode());
        Assert.Equal(HttpStatusCode.NotFound, (await w.Resident.Client.PostAsync($"/api/points/catalog/{Guid.NewGuid()}/redeem", null)).StatusCode);

        Assert.Equal((25, 25, 1), await w.LedgerOf(w.Resident.Id));
        await using var db = w.App.Db();
        Assert.Equal(0, await db.Redemptions.CountAsync(r => r.AccountId == w.Resident.Id));
        Assert.Equal([0, 5], (await db.RedemptionItems.Where(i => i.AreaCode == w.CommunityA).Select(i => i.Stock).ToListAsync()).Order());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cancelling_an_unredeemed_code_refunds_by_a_reversal_and_returns_the_stock(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 40);
        var item = await w.ItemAsync(price: 15, stock: 1, merchant: w.Canteen, name: "爱心午餐", category: RedemptionCategory.Canteen);
        var code = await PointsWorld.RedeemAsync(w.Resident.Client, item.Id);

        // Not the merchant's, nor another holder's to cancel.
        Assert.Equal(HttpStatusCode.NotFound, (await w.CanteenKeeper.PostAsync($"/api/points/redemptions/{code.Id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.Neighbour.Client.PostAsync($"/api/points/redemptions/{code.Id}/cancel", null)).StatusCode);
        var cancelled = await w.Resident.Client.PostAsync($"/api/points/redemptions/{code.Id}/cancel", null);
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
        Assert.Equal("points.code_cancelled", await (await w.Resident.Client.PostAsync($"/api/points/redemptions/{code.Id}/cancel", null)).ProblemCode());
        Assert.Equal("points.code_cancelled", await (await w.CanteenKeeper.PostAsync($"/api/points/codes/{code.Code}/redeem", null)).ProblemCode());

        var entries = (await w.Resident.Client.Get<PagedDto<EntryDto>>("/api/points/me/entries")).Items;
        var spend = entries.Single(e => e.Kind == PointsEntryKind.Spend);
        var refund = entries.Single(e => e.Kind == PointsEntryKind.Reversal);
        Assert.Equal((15, spend.Id, true), (refund.Amount, refund.ReversesId, spend.Reversed));
        Assert.Equal((40, 40, 3), await w.LedgerOf(w.Resident.Id));
        Assert.Equal(1, (await w.Resident.Client.Get<List<ItemDto>>("/api/points/catalog")).Single().Stock);
        // The refunded spend cannot be reversed again by staff.
        Assert.Equal("points.not_reversible", await (await w.StaffA.PostAsJsonAsync($"/api/points/entries/{spend.Id}/reverse", new { reason = "再退一次" })).ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Staff_keep_the_catalog_and_a_stale_stock_edit_is_refused(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 40);
        var item = await w.ItemAsync(price: 10, stock: 3);
        Assert.Equal("points.invalid_item", await (await w.StaffA.PostAsJsonAsync("/api/points/catalog", new
        {
            areaCode = w.CommunityA, category = "PartnerShop", name = "", price = 0, stock = -1, merchantId = w.Shop.Id,
        }, Http.Json)).ProblemCode());
        await PointsWorld.RedeemAsync(w.Resident.Client, item.Id);

        // The page read stock 3 at version 0; a redemption took one since: writing 10 over it would lose that.
        var stale = await w.StaffA.PutAsJsonAsync($"/api/points/catalog/{item.Id}", new
        {
            areaCode = w.CommunityA, category = "PartnerShop", name = item.Name, price = 10, stock = 10, merchantId = w.Shop.Id, version = item.Version,
        }, Http.Json);
        Assert.Equal("concurrency.stale", await stale.ProblemCode());
        var fresh = (await w.StaffA.Get<List<ItemDto>>($"/api/points/catalog/manage?area={w.CommunityA}")).Single();
        Assert.Equal(2, fresh.Stock);
        var shelved = await w.StaffA.PutAsJsonAsync($"/api/points/catalog/{item.Id}", new
        {
            areaCode = w.CommunityA, category = "PartnerShop", name = item.Name, price = 10, stock = 12, merchantId = w.Shop.Id,
            active = false, version = fresh.Version,
        }, Http.Json);
        Assert.True(shelved.IsSuccessStatusCode, await shelved.Content.ReadAsStringAsync());
        Assert.Empty(await w.Resident.Client.Get<List<ItemDto>>("/api/points/catalog"));
        Assert.Equal("points.item_unavailable", await (await w.Resident.Client.PostAsync($"/api/points/catalog/{item.Id}/redeem", null)).ProblemCode());
    }
}
