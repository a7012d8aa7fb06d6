using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.IntegrationTests.Volunteering;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Points.Jobs;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Points;

/// <summary>Points follow a staff correction of volunteer hours (README.md rule 8): the difference is earned or taken
/// back as its own entry, once, never below a zero balance; the balance is always the sum of the entries.</summary>
public sealed class HoursCorrectionTests(Apps apps) : IClassFixture<Apps>
{
    sealed record Volunteer(HttpClient Client, Guid Id, Guid SignupId);

    static Task<int> Project(VolunteerWorld w) => w.App.Services.GetRequiredService<PointsProjection>().RunOnceAsync(CancellationToken.None);

    /// <summary>An hours rule of 10 points an hour without caps; a volunteer serves <paramref name="minutes"/> minutes of
    /// an activity by the real check-in and check-out, and the projection credits it.</summary>
    static async Task<(VolunteerWorld World, Volunteer Volunteer)> ServedAsync(DatabaseProvider provider, Apps apps, int minutes)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var rule = await w.StaffA.PutAsJsonAsync($"/api/points/rules/{w.District.CommunityA.AreaCode}/{PointsEventKinds.VolunteerHours}",
            new { pointsPerUnit = 10, capPerDay = (int?)null, capPerMonth = (int?)null });
        Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        var activity = await w.PublishAsync(3, TimeSpan.FromMinutes(5), TimeSpan.FromHours(3));
        var client = await w.VolunteerAsync();
        Assert.True((await client.PostAsync($"/api/volunteering/activities/{activity.Id}/signup", null)).IsSuccessStatusCode);
        w.App.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await VolunteerWorld.Scan(client, activity.Id, "check-in", await w.CodeAsync(activity.Id))).StatusCode);
        w.App.Clock.Advance(TimeSpan.FromMinutes(minutes));
        var checkedOut = await VolunteerWorld.Scan(client, activity.Id, "check-out", await w.CodeAsync(activity.Id));
        Assert.Equal(HttpStatusCode.OK, checkedOut.StatusCode);
        var mine = (await checkedOut.Content.ReadFromJsonAsync<ActivityDto>(Http.Json))!.Mine!;
        Assert.Equal(minutes, mine.Minutes);
        Assert.Equal(1, await Project(w));
        var me = await client.Get<AccountDto>("/api/points/me");
        return (w, new Volunteer(client, me.AccountId, mine.SignupId));
    }

    static async Task Correct(VolunteerWorld w, Volunteer v, int minutes, string reason = "签退时间有误")
    {
        var response = await w.StaffA.PostAsJsonAsync($"/api/volunteering/signups/{v.SignupId}/correct", new { minutes, reason });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    static async Task<(int Cached, int Sum)> Ledger(VolunteerWorld w, Guid account)
    {
        await using var db = w.App.Db();
        var cached = await db.PointsAccounts.Where(a => a.Id == account).Select(a => a.Balance).SingleAsync();
        var sum = (await db.PointsEntries.Where(e => e.AccountId == account).Select(e => e.Amount).ToListAsync()).Sum();
        return (cached, sum);
    }

    static async Task<List<EntryDto>> History(Volunteer v) =>
        (await v.Client.Get<PagedDto<EntryDto>>("/api/points/me/entries")).Items.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();

    [Theory, OnSqlite, OnPostgres]
    public async Task Check_out_earns_a_correction_up_earns_the_difference_and_down_takes_it_back_once(DatabaseProvider provider)
    {
        var (w, v) = await ServedAsync(provider, apps, 60);
        Assert.Equal((10, 10), await Ledger(w, v.Id));

        w.App.Clock.Advance(TimeSpan.FromHours(1));
        await Correct(w, v, 90, "提前到场布置");
        Assert.Equal(1, await Project(w));
        var up = (await History(v)).Last();
        Assert.Equal((PointsEntryKind.Earn, 5, PointsEventKinds.VolunteerHoursCorrected, "红色星期六"), (up.Kind, up.Amount, up.SourceKind, up.Title));
        Assert.Equal((15, 15), await Ledger(w, v.Id));

        w.App.Clock.Advance(TimeSpan.FromHours(1));
        await Correct(w, v, 30, "中途离开");
        Assert.Equal(1, await Project(w));
        var down = (await History(v)).Last();
        Assert.Equal((PointsEntryKind.Adjustment, -10, -10, (string?)null), (down.Kind, down.Amount, down.Uncapped, down.CappedBy));
        Assert.Equal((5, 5), await Ledger(w, v.Id));
        // Each entry names its correction: the source is the correction row, not the sign-up.
        Assert.NotEqual(up.SourceId, down.SourceId);
        Assert.NotEqual(v.SignupId, down.SourceId);

        // The same minutes again change nothing and raise nothing.
        await Correct(w, v, 30, "复核无误");
        Assert.Equal(0, await Project(w));

        // Delivered again: the events marked unprocessed (a replayed outbox) and a second raise of the same correction.
        await using (var db = w.App.Db())
        {
            var corrections = await db.PointsEvents.Where(e => e.Kind == PointsEventKinds.VolunteerHoursCorrected && e.AccountId == v.Id).ToListAsync();
            Assert.Equal(2, corrections.Count);
            Assert.All(corrections, e => Assert.Equal(v.SignupId, e.Corrects));
            Assert.Equal([-60, 30], corrections.Select(e => e.Quantity).Order());
            Assert.False(await PointsEvents.RaiseCorrectionAsync(db, PointsEventKinds.VolunteerHoursCorrected, corrections[0].SourceId,
                v.SignupId, v.Id, corrections[0].AreaCode, corrections[0].Quantity, "重复", w.App.Clock.GetUtcNow(), CancellationToken.None));
            await db.PointsEvents.Where(e => e.AccountId == v.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Processed, false));
        }
        Assert.Equal(3, await Project(w));
        var history = await History(v);
        Assert.Equal([PointsEntryKind.Earn, PointsEntryKind.Earn, PointsEntryKind.Adjustment], history.Select(e => e.Kind));
        Assert.Equal((5, 5), await Ledger(w, v.Id));
        Assert.Equal(5, (await v.Client.Get<AccountDto>("/api/points/me")).Balance);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_correction_down_after_the_points_were_spent_takes_what_is_left_and_records_the_shortfall(DatabaseProvider provider)
    {
        var (w, v) = await ServedAsync(provider, apps, 120);
        Assert.Equal((20, 20), await Ledger(w, v.Id));
        var item = await w.StaffA.PostAsJsonAsync("/api/points/catalog", new
        {
            areaCode = w.District.CommunityA.AreaCode, category = RedemptionCategory.PartnerShop, name = "洗衣液一瓶", description = "",
            price = 15, stock = 5, merchantId = w.Unit.Id,
        }, Http.Json);
        Assert.True(item.IsSuccessStatusCode, await item.Content.ReadAsStringAsync());
        var itemId = (await item.Content.ReadFromJsonAsync<ItemDto>(Http.Json))!.Id;
        Assert.Equal(HttpStatusCode.Created, (await v.Client.PostAsync($"/api/points/catalog/{itemId}/redeem", null)).StatusCode);
        Assert.Equal((5, 5), await Ledger(w, v.Id));

        // The check-out was wrong: 30 minutes, not 120. 15 of the 20 points are spent; 5 are left to take back.
        await Correct(w, v, 30, "未参加后半程");
        Assert.Equal(1, await Project(w));
        var adjustment = (await History(v)).Single(e => e.Kind == PointsEntryKind.Adjustment);
        Assert.Equal((-5, -15, "balance"), (adjustment.Amount, adjustment.Uncapped, adjustment.CappedBy));
        Assert.Equal((0, 0), await Ledger(w, v.Id));

        // Staff see it in the ledger of their community, with what was due.
        var ledger = await w.StaffA.Get<PagedDto<EntryDto>>($"/api/points/ledger?accountId={v.Id}&kind=Adjustment");
        Assert.Equal(adjustment.Id, Assert.Single(ledger.Items).Id);

        // Corrected back up to 120 later: the rule gives 15 for the 90 more minutes, whatever was taken before.
        await Correct(w, v, 120, "复核：全程参加");
        Assert.Equal(1, await Project(w));
        Assert.Equal((15, 15), await Ledger(w, v.Id));
    }
}
