using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Cases;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Points;

/// <summary>The ledger: events earn exactly once by the community's rules and caps; spends never overdraw, even in
/// parallel; a reversal is a new entry, once only.</summary>
public sealed class LedgerTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Parallel_redemptions_cannot_overdraw_the_balance_or_the_stock(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 35);
        var item = await w.ItemAsync(price: 10, stock: 50);

        // 20 redemptions at once against a balance that covers 3.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => w.Resident.Client.PostAsync($"/api/points/catalog/{item.Id}/redeem", null)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("points.insufficient", await refused.ProblemCode());
        }
        var (cached, sum, entries) = await w.LedgerOf(w.Resident.Id);
        Assert.Equal(5, cached);
        Assert.Equal(5, sum);
        Assert.Equal(4, entries); // one earn, three spends
        await using var db = w.App.Db();
        Assert.Equal(47, await db.RedemptionItems.Where(i => i.Id == item.Id).Select(i => i.Stock).SingleAsync());
        Assert.Equal(3, await db.Redemptions.CountAsync(r => r.ItemId == item.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Parallel_redemptions_by_many_holders_cannot_take_more_than_the_stock(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        var holders = new List<Holder>();
        for (var i = 0; i < 8; i++)
        {
            var h = await PointsWorld.HolderAsync(w.App, Modules.Identity.Domain.Roles.Resident);
            await w.RaiseAsync(h.Id, PointsEventKinds.WishFulfilled, Guid.NewGuid(), 100);
            holders.Add(h);
        }
        await w.ProjectAsync();
        var item = await w.ItemAsync(price: 10, stock: 3, merchant: w.Canteen, name: "爱心午餐", category: RedemptionCategory.Canteen);

        var responses = await Task.WhenAll(holders.SelectMany(h => new[] { h, h })
            .Select(h => h.Client.PostAsync($"/api/points/catalog/{item.Id}/redeem", null)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            Assert.Equal("points.out_of_stock", await refused.ProblemCode());
        await using var db = w.App.Db();
        Assert.Equal(0, await db.RedemptionItems.Where(i => i.Id == item.Id).Select(i => i.Stock).SingleAsync());
        // Nothing half-written: every refused redemption left its holder's balance whole.
        var ids = holders.Select(h => h.Id).ToList();
        var balances = await db.PointsAccounts.Where(a => ids.Contains(a.Id)).Select(a => a.Balance).ToListAsync();
        Assert.Equal(8 * 100 - 3 * 10, balances.Sum());
        Assert.Equal(3, await db.PointsEntries.CountAsync(e => ids.Contains(e.AccountId) && e.Kind == PointsEntryKind.Spend));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_event_raised_twice_earns_once(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        var wish = Guid.NewGuid();
        Assert.True(await w.RaiseAsync(w.Resident.Id, PointsEventKinds.WishFulfilled, wish, 7));
        Assert.False(await w.RaiseAsync(w.Resident.Id, PointsEventKinds.WishFulfilled, wish, 7));
        Assert.Equal(1, await w.ProjectAsync());
        Assert.Equal(0, await w.ProjectAsync());

        var me = await w.Resident.Client.Get<AccountDto>("/api/points/me");
        Assert.Equal(7, me.Balance);
        var history = await w.Resident.Client.Get<PagedDto<EntryDto>>("/api/points/me/entries");
        var entry = Assert.Single(history.Items);
        Assert.Equal((PointsEntryKind.Earn, 7, PointsEventKinds.WishFulfilled, wish), (entry.Kind, entry.Amount, entry.SourceKind, entry.SourceId));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_hour_rule_counts_minutes_and_caps_truncate_per_day_and_month_and_say_so(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        var put = await w.StaffA.PutAsJsonAsync($"/api/points/rules/{w.CommunityA}/{PointsEventKinds.VolunteerHours}",
            new { pointsPerUnit = 10, capPerDay = 25, capPerMonth = 45 });
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        // 2026-11-23 and 2026-11-24 in China; then 2026-12-01, a new month.
        DateTimeOffset Day(int month, int day) => new DateTimeOffset(2026, month, day, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();
        await w.RaiseAsync(w.Resident.Id, PointsEventKinds.VolunteerHours, Guid.NewGuid(), 90, at: Day(11, 23));  // 15
        await w.RaiseAsync(w.Resident.Id, PointsEventKinds.VolunteerHours, Guid.NewGuid(), 120, at: Day(11, 23).AddHours(3)); // 20 → 10 (day)
        await w.RaiseAsync(w.Resident.Id, PointsEventKinds.VolunteerHours, Guid.NewGuid(), 180, at: Day(11, 24)); // 30 → 25 (day) → 20 (month)
        await w.RaiseAsync(w.Resident.Id, PointsEventKinds.VolunteerHours, Guid.NewGuid(), 60, at: Day(11, 25));  // 10 → 0 (month)
        await w.RaiseAsync(w.Resident.Id, PointsEventKinds.VolunteerHours, Guid.NewGuid(), 60, at: Day(12, 1));   // 10
        await w.ProjectAsync();

        var history = await w.Resident.Client.Get<PagedDto<EntryDto>>("/api/points/me/entries");
        var earns = history.Items.OrderBy(e => e.At).Select(e => (e.Uncapped, e.Amount, e.CappedBy)).ToList();
        Assert.Equal([(15, 15, null), (20, 10, "day"), (30, 20, "month"), (10, 0, "month"), (10, 10, null)], earns);
        Assert.Equal(55, (await w.Resident.Client.Get<AccountDto>("/api/points/me")).Balance);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_rated_satisfied_by_its_reporter_earns_once_by_the_community_rule(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var c = await CaseWorld.CreateAsync(app);
        var handled = await c.HandledAsync();
        await CaseWorld.Move(c.GridWorker, handled.Case.Id, "verify", new { passed = true });
        await CaseWorld.Move(c.CommunityA, handled.Case.Id, "close", new { solved = true });
        await CaseWorld.Move(c.Resident, handled.Case.Id, "rate", new { rating = "Satisfied", comment = "满意" });
        Assert.Equal("case.illegal_transition", await (await CaseWorld.Try(c.Resident, handled.Case.Id, "rate", new { rating = "Satisfied" })).ProblemCode());

        var projection = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Modules.Points.Jobs.PointsProjection>(app.Services);
        await projection.RunOnceAsync(CancellationToken.None);
        await projection.RunOnceAsync(CancellationToken.None);

        var me = await c.Resident.Get<AccountDto>("/api/points/me");
        Assert.Equal(EarningRule.Default(c.District.CommunityA.AreaCode, PointsEventKinds.CaseSatisfied).PointsPerUnit, me.Balance);
        var entry = Assert.Single((await c.Resident.Get<PagedDto<EntryDto>>("/api/points/me/entries")).Items);
        Assert.Equal((PointsEventKinds.CaseSatisfied, handled.Case.Id, handled.Case.Number, c.District.CommunityA.AreaCode),
            (entry.SourceKind, entry.SourceId, entry.Title, entry.AreaCode));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Staff_reverse_an_earn_once_with_a_reason_and_never_below_zero(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        await w.EarnAsync(w.Resident, 20, "误登记的心愿");
        await w.EarnAsync(w.Resident, 30);
        var entries = (await w.StaffA.Get<PagedDto<EntryDto>>($"/api/points/ledger?accountId={w.Resident.Id}")).Items;
        var wrong = entries.Single(e => e.Title == "误登记的心愿");

        Assert.Equal("points.reason_required", await (await w.StaffA.PostAsJsonAsync($"/api/points/entries/{wrong.Id}/reverse", new { reason = " " })).ProblemCode());
        var reversed = await w.StaffA.PostAsJsonAsync($"/api/points/entries/{wrong.Id}/reverse", new { reason = "心愿未实际完成" });
        Assert.True(reversed.IsSuccessStatusCode, await reversed.Content.ReadAsStringAsync());
        var reversal = (await reversed.Content.ReadFromJsonAsync<EntryDto>(Http.Json))!;
        Assert.Equal((PointsEntryKind.Reversal, -20, wrong.Id), (reversal.Kind, reversal.Amount, reversal.ReversesId));

        var again = await w.StaffA.PostAsJsonAsync($"/api/points/entries/{wrong.Id}/reverse", new { reason = "再来一次" });
        Assert.Equal("points.already_reversed", await again.ProblemCode());
        Assert.Equal("points.not_reversible", await (await w.StaffA.PostAsJsonAsync($"/api/points/entries/{reversal.Id}/reverse", new { reason = "撤销冲正" })).ProblemCode());
        Assert.Equal((30, 30, 3), await w.LedgerOf(w.Resident.Id));

        // The other earn is spent down to 5: reversing its 30 would go below zero, so it is refused and nothing changes.
        var item = await w.ItemAsync(price: 25, stock: 5);
        await PointsWorld.RedeemAsync(w.Resident.Client, item.Id);
        var other = entries.Single(e => e.Title != "误登记的心愿");
        Assert.Equal("points.insufficient", await (await w.StaffA.PostAsJsonAsync($"/api/points/entries/{other.Id}/reverse", new { reason = "核查不实" })).ProblemCode());
        Assert.Equal((5, 5, 4), await w.LedgerOf(w.Resident.Id));
    }
}
