using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Jobs;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// The deadline sweep with a fake clock: a case dispatched on Wednesday 30 December 2026 with a 3-working-day limit runs
/// across New Year's Day (a holiday, loaded here as the 2027 calendar) and a weekend. The clock only moves forward, so
/// this class holds one story per provider.
/// </summary>
public sealed class DeadlineSweepTests(Apps apps) : IClassFixture<Apps>
{
    static DateTimeOffset Cst(int y, int m, int d, int h, int min = 0) => new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_turns_yellow_then_red_in_working_time_across_a_holiday_and_a_weekend_exactly_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.ClientFor(await A.Account(app, Roles.Admin));
        var year = await admin.PutAsJsonAsync("/api/calendar/2027", new
        {
            version = 0, holidays = new[] { new { date = "2027-01-01", name = "元旦" } }, workingDays = Array.Empty<object>(),
        });
        Assert.True(year.IsSuccessStatusCode, await year.Content.ReadAsStringAsync());
        app.Clock.SetUtcNow(Cst(2026, 12, 30, 10)); // Wednesday, 10:00
        var w = await CaseWorld.CreateAsync(app, responseLimit: "4h", handlingLimit: "3d");
        var sweep = app.Services.GetRequiredService<DeadlineSweep>();
        var c = await w.DispatchedAsync();
        // Due at the end of the third working day: Thu 31 Dec, (Fri 1 Jan holiday, weekend), Mon 4, Tue 5 Jan.
        Assert.Equal(Cst(2027, 1, 5, 17, 30), c.Case.HandlingDue);

        // Sign-in tokens last 8 hours of the fake clock: each step signs in afresh.
        async Task<HttpClient> Staff() => await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(w.District.CommunityA)));
        async Task<CaseDetailDto> At(DateTimeOffset now)
        {
            app.Clock.SetUtcNow(now);
            await sweep.RunOnceAsync(CancellationToken.None);
            return await (await Staff()).Get<CaseDetailDto>($"/api/cases/{c.Case.Id}");
        }

        // 27 working hours in all; 80% is 21.6 h, reached on Tuesday at 10:36. Counting calendar time instead would
        // have turned it yellow on Monday morning.
        var monday = await At(Cst(2027, 1, 4, 17));
        Assert.Equal("Green", monday.Case.Light);
        // The cityscape department never signed for it: one reminder after the 4-hour response limit (Wed 15:30).
        Assert.Single(monday.History, h => h.Action == CaseAction.RemindResponse);

        var yellow = await At(Cst(2027, 1, 5, 10, 40));
        Assert.Equal("Yellow", yellow.Case.Light);
        Assert.False(yellow.Case.Supervised);

        var red = await At(Cst(2027, 1, 5, 17, 31));
        Assert.Equal("Red", red.Case.Light);
        Assert.True(red.Case.Supervised);
        Assert.Contains(c.Case.Id, (await (await Staff()).Get<PagedDto<CaseDto>>("/api/cases?queue=Overdue")).Items.Select(x => x.Id));

        // A restart, a second instance, a later tick: nothing is recorded twice.
        var again = await At(Cst(2027, 1, 6, 9));
        Assert.Equal(red.History.Count, again.History.Count);
        Assert.Equal(1, again.History.Count(h => h.Action == CaseAction.TurnYellow));
        Assert.Equal(1, again.History.Count(h => h.Action == CaseAction.TurnRed));
        Assert.Equal(1, again.History.Count(h => h.Action == CaseAction.FlagSupervision));
        Assert.Equal(1, again.History.Count(h => h.Action == CaseAction.RemindResponse));

        // The department heard each reminder once.
        await using var db = app.Db();
        var notices = await db.CaseNotices.Where(n => n.CaseId == c.Case.Id && n.UnitId == w.Cityscape.Id).Select(n => n.Kind).ToListAsync();
        Assert.Equal(3, notices.Count(k => k == NoticeKind.Reminder)); // response, yellow, red
    }
}
