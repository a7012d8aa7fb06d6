using CivicGrid.Modules.Calendar.Data;
using CivicGrid.Modules.Calendar.Domain;

namespace CivicGrid.UnitTests.Calendar;

public sealed class WorkingCalendarTests
{
    readonly WorkingCalendar _calendar = Cst.Official;

    [Theory]
    [InlineData("2026-03-07", false)] // Saturday
    [InlineData("2026-03-08", false)] // Sunday
    [InlineData("2026-03-09", true)]  // Monday
    [InlineData("2026-10-01", false)] // 国庆节, a Thursday
    [InlineData("2026-02-23", false)] // 春节, a Monday
    [InlineData("2025-01-01", false)] // 元旦, a Wednesday
    [InlineData("2026-02-14", true)]  // 春节调休, a Saturday
    [InlineData("2026-01-04", true)]  // 元旦调休, a Sunday
    [InlineData("2025-10-11", true)]  // 国庆节、中秋节调休, a Saturday
    public void Weekends_and_holidays_rest_and_adjusted_working_days_work(string date, bool works) =>
        Assert.Equal(works, _calendar.IsWorkingDay(Cst.Day(date)));

    [Theory]
    [InlineData("2026-03-09 09:00", 3, "2026-03-09 12:00")]     // used up at the lunch break: due by 12:00
    [InlineData("2026-03-09 10:00", 3, "2026-03-09 14:30")]     // the lunch break does not count
    [InlineData("2026-03-09 09:00", 7, "2026-03-09 17:30")]
    [InlineData("2026-03-09 09:00", 8, "2026-03-10 10:00")]
    [InlineData("2026-03-09 12:30", 1, "2026-03-09 14:30")]     // starts in the lunch break
    [InlineData("2026-03-09 07:00", 1, "2026-03-09 10:00")]     // starts before work
    [InlineData("2026-03-09 20:00", 1, "2026-03-10 10:00")]     // starts after work
    [InlineData("2026-03-07 10:00", 1, "2026-03-09 10:00")]     // starts on a Saturday
    [InlineData("2026-03-13 17:00", 1, "2026-03-16 09:30")]     // Friday evening into Monday
    [InlineData("2026-02-13 16:30", 9, "2026-02-24 10:00")]     // 1 h Friday, 7 h on Saturday 2/14 (调休), the Spring Festival, then Tuesday
    [InlineData("2025-01-24 17:00", 1, "2025-01-26 09:30")]     // Sunday 1/26 works before the 2025 Spring Festival
    [InlineData("2025-01-27 17:00", 1, "2025-02-05 09:30")]     // 1/28–2/4 rest
    public void AddWorkingHours_counts_only_working_time(string start, double hours, string expected) =>
        Assert.Equal(Cst.At(expected), _calendar.AddWorkingHours(Cst.At(start), hours));

    [Theory]
    [InlineData("2026-03-09 10:00", 1, "2026-03-10 17:30")]
    [InlineData("2026-03-13 18:00", 1, "2026-03-16 17:30")]     // Friday after work: Monday
    [InlineData("2026-03-07 10:00", 1, "2026-03-09 17:30")]     // from a Saturday
    [InlineData("2026-02-12 10:00", 2, "2026-02-14 17:30")]     // Saturday 2/14 is a working day
    [InlineData("2026-02-12 10:00", 3, "2026-02-24 17:30")]     // then nine days of Spring Festival
    [InlineData("2025-12-31 10:00", 1, "2026-01-04 17:30")]     // over the new year into Sunday 1/4 (调休)
    public void AddWorkingDays_ends_at_the_close_of_the_nth_working_day_after_start(string start, int days, string expected) =>
        Assert.Equal(Cst.At(expected), _calendar.AddWorkingDays(Cst.At(start), days));

    [Theory]
    [InlineData("2026-03-09 09:00", "2026-03-09 17:30", 7)]
    [InlineData("2026-03-09 11:00", "2026-03-09 14:00", 1.5)]
    [InlineData("2026-03-09 12:10", "2026-03-09 13:20", 0)]
    [InlineData("2026-03-13 17:00", "2026-03-16 09:30", 1)]
    [InlineData("2026-02-13 09:00", "2026-02-24 09:00", 14)]     // Friday and Saturday 2/14 only
    public void WorkingTimeBetween_counts_only_working_time(string from, string to, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), _calendar.WorkingTimeBetween(Cst.At(from), Cst.At(to)));

    [Fact]
    public void Instants_come_out_in_UTC_whatever_offset_goes_in()
    {
        var due = _calendar.AddWorkingHours(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(8)), 1);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 3, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void A_year_not_loaded_is_an_error_not_a_plain_weekday()
    {
        var only2026 = new WorkingCalendar(OfficialCalendars.Load().Where(y => y.Year == 2026), WorkingHours.Default);
        Assert.Equal(2027, Assert.Throws<CalendarYearNotLoadedException>(() => only2026.IsWorkingDay(Cst.Day("2027-01-05"))).Year);
        Assert.Equal(2025, Assert.Throws<CalendarYearNotLoadedException>(() => only2026.IsWorkingDay(Cst.Day("2025-06-03"))).Year);
        Assert.Throws<CalendarYearNotLoadedException>(() => only2026.AddWorkingDays(Cst.At("2026-12-31 10:00"), 1));
        Assert.Throws<CalendarYearNotLoadedException>(() => only2026.AddWorkingHours(Cst.At("2026-12-31 17:00"), 1));
        Assert.Equal(Cst.At("2026-12-31 17:30"), only2026.AddWorkingHours(Cst.At("2026-12-31 17:00"), 0.5));
    }

    [Fact]
    public void Working_hours_are_configurable()
    {
        var hours = WorkingHours.Parse("08:30-12:00, 14:00-18:00");
        Assert.Equal(TimeSpan.FromHours(7.5), hours.PerDay);
        var calendar = new WorkingCalendar(OfficialCalendars.Load(), hours);
        Assert.Equal(Cst.At("2026-03-09 15:00"), calendar.AddWorkingHours(Cst.At("2026-03-09 11:00"), 2));
        Assert.Equal(Cst.At("2026-03-10 18:00"), calendar.AddWorkingDays(Cst.At("2026-03-09 11:00"), 1));
        Assert.Throws<ArgumentException>(() => WorkingHours.Parse("09:00-12:00,11:00-17:00"));
        Assert.Throws<FormatException>(() => WorkingHours.Parse("9-12"));
    }
}
