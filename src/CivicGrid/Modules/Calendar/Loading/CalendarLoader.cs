using CivicGrid.Modules.Calendar.Data;
using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Calendar.Loading;

/// <summary>
/// Before the app serves anything: seeds the official years that are absent and loads the calendar. Then keeps this
/// instance's calendar current with changes made through other instances.
/// </summary>
sealed class CalendarLoader(CurrentCalendar current, IServiceScopeFactory scopes, TimeProvider clock, ILogger<CalendarLoader> log)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken ct)
    {
        await SeedOfficialYearsAsync(ct);
        await current.RefreshAsync(force: true, ct);
        await base.StartAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(60));
        while (await timer.WaitForNextTickAsync(ct))
        {
            try { await current.RefreshAsync(force: false, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Working calendar refresh failed"); }
        }
    }

    async Task SeedOfficialYearsAsync(CancellationToken ct)
    {
        var official = OfficialCalendars.Load();
        await using var scope = scopes.CreateAsyncScope();
        await using (var db = SystemDb.Open(scope.ServiceProvider))
        {
            var stored = await db.CalendarYears.Select(y => y.Year).ToListAsync(ct);
            var missing = official.Where(r => !stored.Contains(r.Year)).ToList();
            if (missing.Count == 0) return;
            db.CalendarYears.AddRange(missing.Select(r => CalendarYear.From(r, clock.GetUtcNow())));
            try
            {
                await db.SaveChangesAsync(ct);
                log.LogInformation("Working calendar: loaded the official years {Years}", missing.Select(r => r.Year));
                return;
            }
            catch (DbUpdateException e) { log.LogInformation(e, "Working calendar: seeding raced another instance; checking"); }
        }
        // Another instance starting at the same moment may have seeded them first (Year is unique); anything else is real.
        await using var again = SystemDb.Open(scope.ServiceProvider);
        var years = official.Select(r => r.Year).ToList();
        if (await again.CalendarYears.CountAsync(y => years.Contains(y.Year), ct) != years.Count)
            throw new InvalidOperationException("Could not seed the official working calendars.");
    }
}
