using System.Globalization;
using CivicGrid.Modules.Calendar.Data;
using CivicGrid.Modules.Calendar.Domain;

namespace CivicGrid.UnitTests.Calendar;

/// <summary>Instants written as China Standard Time wall-clock text, and the shipped calendars, for readable tests.</summary>
static class Cst
{
    public static readonly WorkingCalendar Official = new(OfficialCalendars.Load(), WorkingHours.Default);

    /// <summary>"2026-03-09 10:00" in Beijing, as the UTC instant the calendar takes and gives.</summary>
    public static DateTimeOffset At(string local) =>
        new DateTimeOffset(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8)).ToUniversalTime();

    public static DateOnly Day(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
