using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Points.Jobs;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Points;

/// <summary>Expiry (README.md rule 9): a community's rule sets how long points stay valid; the sweep expires the unspent
/// part of each expired earning once, spends consuming the oldest earnings first; the balance stays the sum.</summary>
public sealed class ExpiryTests(Apps apps) : IClassFixture<Apps>
{
    /// <summary>Nine in the morning, China time, on <paramref name="day"/> of the month <paramref name="months"/> after
    /// the clock's (the class shares one app and its clock, which only moves forward).</summary>
    static DateTimeOffset MonthsLater(PointsWorld w, int months, int day)
    {
        var china = w.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        return new DateTimeOffset(china.Year, china.Month, day, 9, 0, 0, TimeSpan.FromHours(8)).AddMonths(months).ToUniversalTime();
    }

    /// <summary>The holder's own entries, signed in afresh (a month on the fake clock outlives the session).</summary>
    static async Task<List<EntryDto>> Entries(PointsWorld w, Holder who) =>
        (await (await w.App.ClientFor(who.UserName)).Get<PagedDto<EntryDto>>("/api/points/me/entries")).Items;

    static Task<int> Sweep(PointsWorld w) => w.App.Services.GetRequiredService<ExpirySweep>().RunOnceAsync(CancellationToken.None);

    static async Task<ItemDto> ItemAsync(HttpClient staff, PointsWorld w, int price)
    {
        var response = await staff.PostAsJsonAsync("/api/points/catalog", new
        {
            areaCode = w.CommunityA, category = RedemptionCategory.PartnerShop, name = "肥皂一块", description = "", price, stock = 10, merchantId = w.Shop.Id,
        }, Http.Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ItemDto>(Http.Json))!;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_unspent_part_of_expired_earnings_expires_once_oldest_spent_first(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        // Community A: wish points valid to the end of the month they were earned in.
        var rule = await w.StaffA.PutAsJsonAsync($"/api/points/rules/{w.CommunityA}/{PointsEventKinds.WishFulfilled}",
            new { pointsPerUnit = 1, capPerDay = (int?)null, capPerMonth = (int?)null, version = 0, expiryMonths = 0 });
        Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        var negative = await w.StaffA.PutAsJsonAsync($"/api/points/rules/{w.CommunityA}/{PointsEventKinds.WishFulfilled}",
            new { pointsPerUnit = 1, version = 1, expiryMonths = -1 });
        Assert.Equal("points.invalid_rule", await negative.ProblemCode());
        var item = await w.ItemAsync(price: 10, stock: 10);

        await w.EarnAsync(w.Resident, 30, "帮助独居老人");          // this month: valid to its end
        await w.RaiseAsync(w.ResidentB.Id, PointsEventKinds.WishFulfilled, Guid.NewGuid(), 2, w.CommunityB, title: "乙社区微心愿");
        await w.ProjectAsync();                                      // community B's default rule (5 a wish): no expiry
        await PointsWorld.RedeemAsync(w.Resident.Client, item.Id);   // 10 of the 30 spent
        var first = (await Entries(w, w.Resident)).Single(e => e.Kind == PointsEntryKind.Earn);

        // Still this month: nothing is due.
        Assert.Equal(0, await Sweep(w));
        w.App.Clock.SetUtcNow(MonthsLater(w, 1, 5));
        await w.EarnAsync(w.Resident, 8, "整理社区图书角");           // next month: valid to its end

        Assert.True(await Sweep(w) >= 1);
        Assert.Equal(0, await Sweep(w));
        var history = await Entries(w, w.Resident);
        var expiry = Assert.Single(history, e => e.Kind == PointsEntryKind.Expiry);
        Assert.Equal((-20, first.Id, w.CommunityA, "帮助独居老人"), (expiry.Amount, expiry.SourceId, expiry.AreaCode, expiry.Title));
        Assert.Equal((8, 8), (await w.LedgerOf(w.Resident.Id)) is var l ? (l.Cached, l.Sum) : default);
        Assert.Equal((10, 10), (await w.LedgerOf(w.ResidentB.Id)) is var b ? (b.Cached, b.Sum) : default);

        // An expiry follows the rule: staff cannot reverse it.
        var staff = await w.App.ClientFor(await A.Account(w.App, Modules.Identity.Domain.Roles.CommunityStaff, A.AreaScope(w.District.CommunityA)));
        var reverse = await staff.PostAsJsonAsync($"/api/points/entries/{expiry.Id}/reverse", new { reason = "照顾老人" });
        Assert.Equal("points.expiry_final", await reverse.ProblemCode());

        // The second month's 8: 5 spent after the first month's expired come from it, 3 expire.
        var small = await ItemAsync(staff, w, price: 5);
        await PointsWorld.RedeemAsync(await w.App.ClientFor(w.Resident.UserName), small.Id);
        w.App.Clock.SetUtcNow(MonthsLater(w, 1, 2));
        Assert.True(await Sweep(w) >= 1);
        Assert.Equal(0, await Sweep(w));
        history = await Entries(w, w.Resident);
        Assert.Equal([-20, -3], history.Where(e => e.Kind == PointsEntryKind.Expiry).Select(e => e.Amount).Order());
        Assert.Equal((0, 0), (await w.LedgerOf(w.Resident.Id)) is var z ? (z.Cached, z.Sum) : default);
        Assert.Equal((10, 10), (await w.LedgerOf(w.ResidentB.Id)) is var b2 ? (b2.Cached, b2.Sum) : default);
        await using var db = w.App.Db();
        Assert.Equal(2, await db.PointsEntries.CountAsync(e => e.AccountId == w.Resident.Id && e.Kind == PointsEntryKind.Expiry));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_cancelled_redemption_refunds_points_that_then_expire_with_their_earning(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        var rule = await w.StaffA.PutAsJsonAsync($"/api/points/rules/{w.CommunityA}/{PointsEventKinds.WishFulfilled}",
            new { pointsPerUnit = 1, version = 0, expiryMonths = 1 });
        Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        var endOfNextMonth = MonthsLater(w, 2, 1).AddHours(-9); // 00:00 China time on the first of the month after next
        await w.EarnAsync(w.Resident, 20);                       // valid to the end of next month
        var item = await w.ItemAsync(price: 15, stock: 10);
        var redemption = await PointsWorld.RedeemAsync(w.Resident.Client, item.Id);
        Assert.True((await w.Resident.Client.PostAsync($"/api/points/redemptions/{redemption.Id}/cancel", null)).IsSuccessStatusCode);

        w.App.Clock.SetUtcNow(endOfNextMonth.AddMinutes(-1));
        await Sweep(w);
        Assert.DoesNotContain(await Entries(w, w.Resident), e => e.Kind == PointsEntryKind.Expiry);
        w.App.Clock.SetUtcNow(endOfNextMonth);
        Assert.True(await Sweep(w) >= 1);
        var expiry = Assert.Single((await Entries(w, w.Resident)), e => e.Kind == PointsEntryKind.Expiry);
        Assert.Equal(-20, expiry.Amount);
        Assert.Equal((0, 0), (await w.LedgerOf(w.Resident.Id)) is var l ? (l.Cached, l.Sum) : default);
    }
}
