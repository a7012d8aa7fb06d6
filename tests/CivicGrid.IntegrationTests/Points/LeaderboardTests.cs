using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Points.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Points;

/// <summary>
/// Boards show earned / spent / expired / balance (RankEarners): earned ranks; spent is net of cancelled redemptions;
/// what expired is its own figure; over all time earned − spent − expired is the balance. Staff see every figure; a holder
/// sees their own and only the earnings of others.
/// </summary>
public sealed class LeaderboardTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Boards_show_expired_points_apart_from_spent_and_the_figures_add_up_to_the_balance(DatabaseProvider provider)
    {
        var w = await PointsWorld.CreateAsync(await apps.For(provider));
        // Community A's wish points are valid to the end of the month they were earned in.
        var rule = await w.StaffA.PutAsJsonAsync($"/api/points/rules/{w.CommunityA}/{PointsEventKinds.WishFulfilled}",
            new { pointsPerUnit = 1, version = 0, expiryMonths = 0 });
        Assert.True(rule.IsSuccessStatusCode, await rule.Content.ReadAsStringAsync());
        var item = await w.ItemAsync(price: 10, stock: 10);
        await w.EarnAsync(w.Resident, 30);
        await PointsWorld.RedeemAsync(w.Resident.Client, item.Id);              // 10 spent
        var cancelled = await PointsWorld.RedeemAsync(w.Resident.Client, item.Id); // refunded: not spent
        Assert.True((await w.Resident.Client.PostAsync($"/api/points/redemptions/{cancelled.Id}/cancel", null)).IsSuccessStatusCode);

        // Next month: the 20 left of last month expire; the resident earns 8 and the neighbour 50.
        var china = w.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        w.App.Clock.SetUtcNow(new DateTimeOffset(china.Year, china.Month, 5, 9, 0, 0, china.Offset).AddMonths(1).ToUniversalTime());
        await w.EarnAsync(w.Resident, 8);
        await w.EarnAsync(w.Neighbour, 50);
        Assert.True(await w.App.Services.GetRequiredService<ExpirySweep>().RunOnceAsync(CancellationToken.None) >= 1);
        // A month on the fake clock outlives the sessions: sign in afresh.
        var (staff, resident) = (await w.App.ClientFor(await A.Account(w.App, Modules.Identity.Domain.Roles.CommunityStaff, A.AreaScope(w.District.CommunityA))),
            await w.App.ClientFor(w.Resident.UserName));

        var month = await staff.Get<BoardDto>($"/api/points/leaderboard?area={w.CommunityA}&period=Month");
        Assert.Equal([(1, w.Neighbour.Id, 50, 0, 0, 50), (2, w.Resident.Id, 8, 0, 20, 8)],
            month.Top.Select(r => (r.Rank, r.AccountId, r.Earned, r.Spent!.Value, r.Expired!.Value, r.Balance!.Value)));
        var all = await staff.Get<BoardDto>($"/api/points/leaderboard?area={w.CommunityA}&period=All");
        var row = all.Top.Single(r => r.AccountId == w.Resident.Id);
        Assert.Equal((38, 10, 20, 8), (row.Earned, row.Spent, row.Expired, row.Balance));
        Assert.Equal(row.Balance, row.Earned - row.Spent - row.Expired);
        Assert.Equal((8, 8), (await w.LedgerOf(w.Resident.Id)) is var l ? (l.Cached, l.Sum) : default);

        // The holder: their own four figures; of the neighbour, the earnings only.
        var mine = await resident.Get<BoardDto>("/api/points/leaderboard?period=All");
        Assert.Equal((38, 10, 20, 8, true), (mine.Mine!.Earned, mine.Mine.Spent, mine.Mine.Expired, mine.Mine.Balance, mine.Mine.Me));
        var neighbour = mine.Top.Single(r => !r.Me);
        Assert.Equal((50, null, null, null), (neighbour.Earned, neighbour.Spent, neighbour.Expired, neighbour.Balance));
        var account = await resident.Get<AccountDto>("/api/points/me");
        Assert.Equal((8, 38, 10, 20), (account.Balance, account.Earned, account.Spent, account.Expired));
        Assert.Equal(20, (await staff.Get<AccountDto>($"/api/points/accounts/{w.Resident.Id}")).Expired);

        // Another community's staff: the board is not theirs.
        var staffB = await w.App.ClientFor(await A.Account(w.App, Modules.Identity.Domain.Roles.CommunityStaff, A.AreaScope(w.District.CommunityB)));
        Assert.Equal(HttpStatusCode.NotFound, (await staffB.GetAsync($"/api/points/leaderboard?area={w.CommunityA}")).StatusCode);
    }
}
