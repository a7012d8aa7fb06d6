using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Calendar.Loading;

/// <summary>
/// Holds the <see cref="WorkingCalendar"/> built from the stored years, so deadline arithmetic never waits on the
/// database. Rebuilt at start, right after a change made through this instance, and whenever the periodic check sees
/// that a year changed through another instance.
/// </summary>
public sealed class CurrentCalendar(IServiceScopeFactory scopes, WorkingHours hours)
{
    volatile WorkingCalendar _calendar = new([], hours);
    (int Count, long Versions) _stamp = (-1, -1);
    readonly SemaphoreSlim _gate = new(1, 1);

    public WorkingCalendar Calendar => _calendar;

    public async Task RefreshAsync(bool force, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = SystemDb.Open(scope.ServiceProvider); // the calendar is platform-wide
            // Every replacement bumps its year's Version, so count and sum change whenever anything does.
            var stamp = (await db.CalendarYears.CountAsync(ct), await db.CalendarYears.SumAsync(y => (long)y.Version, ct));
            if (!force && stamp == _stamp) return;
            var years = await db.CalendarYears.AsNoTracking().Include(y => y.Days).ToListAsync(ct);
            _calendar = new WorkingCalendar(years.Select(y => y.ToRules()), hours);
            _stamp = stamp;
        }
        finally { _gate.Release(); }
    }
}
