using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Calendar.Loading;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Calendar;

/// <summary>GET and PUT /api/calendar/{year}. Tests that write use years of their own, so the seeded ones stay as shipped.</summary>
public sealed class CalendarTests(Apps apps) : IClassFixture<Apps>
{
    public sealed record DayDto(DateOnly Date, string Name);
    public sealed record YearDto(int Year, int Version, List<DayDto> Holidays, List<DayDto> WorkingDays);

    static DayDto Day(string date, string name = "元旦") => new(DateOnly.Parse(date), name);
    static DateTimeOffset Cst(int y, int m, int d, int h) => new DateTimeOffset(y, m, d, h, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    [Theory, OnSqlite, OnPostgres]
    public async Task Get_returns_the_seeded_2026_calendar_to_any_signed_in_user(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/calendar/2026")).StatusCode);
        var resident = await app.ClientFor(await A.Account(app, Roles.Resident));

        var year = await resident.Get<YearDto>("/api/calendar/2026");
        Assert.Equal(33, year.Holidays.Count);
        Assert.Equal(9, year.Holidays.Count(d => d.Name == "春节"));
        Assert.Contains(Day("2026-10-01", "国庆节"), year.Holidays);
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
            year.WorkingDays.Select(d => $"{d.Date:yyyy-MM-dd}"));
        Assert.Equal(28, (await resident.Get<YearDto>("/api/calendar/2025")).Holidays.Count);

        var missing = await resident.GetAsync("/api/calendar/2040");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("calendar.year_not_loaded", await missing.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Admin_loads_and_replaces_a_year_and_deadlines_follow_at_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.ClientFor(await A.Account(app, Roles.Admin));
        var current = app.Services.GetRequiredService<CurrentCalendar>();
        var thursday = Cst(2031, 1, 2, 10);
        Assert.Throws<CalendarYearNotLoadedException>(() => current.Calendar.AddWorkingDays(thursday, 2));

        // 元旦 on Wednesday 1/1, Saturday 1/4 worked in exchange.
        var loaded = await admin.PutAsJsonAsync("/api/calendar/2031",
            new { version = 0, holidays = new[] { Day("2031-01-01") }, workingDays = new[] { Day("2031-01-04") } });
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        Assert.Equal(0, (await loaded.Content.ReadFromJsonAsync<YearDto>(Http.Json))!.Version);
        Assert.Equal(Cst(2031, 1, 4, 17) + TimeSpan.FromMinutes(30), current.Calendar.AddWorkingDays(thursday, 2));

        // Replaced: 1/1–1/3 rest and no Saturday is worked; the second working day after Thursday is now Tuesday.
        var replaced = await admin.PutAsJsonAsync("/api/calendar/2031", new
        {
            version = 0, holidays = new[] { Day("2031-01-01"), Day("2031-01-02"), Day("2031-01-03") }, workingDays = Array.Empty<DayDto>(),
        });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(Cst(2031, 1, 7, 17) + TimeSpan.FromMinutes(30), current.Calendar.AddWorkingDays(thursday, 2));
        Assert.False(current.Calendar.IsWorkingDay(new DateOnly(2031, 1, 4)));

        var stored = await admin.Get<YearDto>("/api/calendar/2031");
        Assert.Equal(1, stored.Version);
        Assert.Equal(["2031-01-01", "2031-01-02", "2031-01-03"], stored.Holidays.Select(d => $"{d.Date:yyyy-MM-dd}"));
        Assert.Empty(stored.WorkingDays);
        await using var db = app.Db();
        Assert.Equal(3, await db.CalendarYears.Where(y => y.Year == 2031).SelectMany(y => y.Days).CountAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_an_admin_may_change_the_calendar(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var staff = await app.ClientFor(await A.Account(app, Roles.StreetStaff));
        var put = await staff.PutAsJsonAsync("/api/calendar/2035", new { version = 0, holidays = new[] { Day("2035-01-01") } });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/calendar/2035")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Invalid_years_are_refused_with_stable_codes_and_nothing_is_written(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.ClientFor(await A.Account(app, Roles.Admin));
        // 2032-01-03 is a Saturday, 2032-01-05 a Monday.
        (string Url, object Body, string Code)[] cases =
        [
            ("/api/calendar/2032", new { version = 0, holidays = new[] { Day("2031-12-31") } }, "calendar.date_outside_year"),
            ("/api/calendar/2032", new { version = 0, workingDays = new[] { Day("2032-01-05") } }, "calendar.working_day_not_weekend"),
            ("/api/calendar/2032", new { version = 0, holidays = new[] { Day("2032-01-03") }, workingDays = new[] { Day("2032-01-03") } }, "calendar.date_conflict"),
            ("/api/calendar/2032", new { version = 0, holidays = new[] { Day("2032-01-01"), Day("2032-01-01") } }, "calendar.date_duplicate"),
            ("/api/calendar/2032", new { version = 0, holidays = new[] { Day("2032-01-01", " ") } }, "calendar.name_invalid"),
            ("/api/calendar/1999", new { version = 0 }, "calendar.year_invalid"),
        ];
        foreach (var (url, body, code) in cases)
        {
            var response = await admin.PutAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(code, await response.ProblemCode());
            var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", detail); // the message for people is Chinese
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/calendar/2032")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stale_version_is_409_and_changes_nothing(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.ClientFor(await A.Account(app, Roles.Admin));
        var first = new { version = 0, holidays = new[] { Day("2033-01-01") } };
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/calendar/2033", first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/calendar/2033", first)).StatusCode); // now version 1

        var stale = await admin.PutAsJsonAsync("/api/calendar/2033", new { version = 0, holidays = new[] { Day("2033-01-03") } });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale", await stale.ProblemCode());
        var stored = await admin.Get<YearDto>("/api/calendar/2033");
        Assert.Equal(1, stored.Version);
        Assert.Equal([Day("2033-01-01")], stored.Holidays);

        var unseen = await admin.PutAsJsonAsync("/api/calendar/2034", new { version = 3, holidays = new[] { Day("2034-01-02") } });
        Assert.Equal("concurrency.stale", await unseen.ProblemCode());
    }
}
