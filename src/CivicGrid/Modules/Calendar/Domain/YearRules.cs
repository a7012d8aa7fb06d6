using CivicGrid.Shared;

namespace CivicGrid.Modules.Calendar.Domain;

/// <summary>A date the calendar names: a public holiday or an adjusted working day, with the holiday's Chinese name.</summary>
public sealed record NamedDate(DateOnly Date, string Name);

/// <summary>
/// One year's calendar rules as data (DOMAIN.md §3): the public holidays (法定节假日) rest, the adjusted working days
/// (调休上班, a Saturday or Sunday) work; every other weekday works and every other weekend day rests.
/// </summary>
public sealed class YearRules
{
    public const int FirstYear = 2000;
    public const int LastYear = 2099;
    const int MaxNameLength = 50;

    public int Year { get; }
    public IReadOnlyList<NamedDate> Holidays { get; }
    public IReadOnlyList<NamedDate> WorkingDays { get; }

    YearRules(int year, IReadOnlyList<NamedDate> holidays, IReadOnlyList<NamedDate> workingDays)
    {
        Year = year;
        Holidays = holidays;
        WorkingDays = workingDays;
    }

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Checks a year as an admin or a data file gives it; the same rules guard the API and the shipped files.</summary>
    public static Result<YearRules> Create(int year, IEnumerable<NamedDate?>? holidays, IEnumerable<NamedDate?>? workingDays)
    {
        if (year is < FirstYear or > LastYear) return CalendarErrors.YearOutOfRange;
        var rest = (holidays ?? []).ToList();
        var work = (workingDays ?? []).ToList();
        var seen = new Dictionary<DateOnly, bool>(); // date → is a holiday
        foreach (var (day, isHoliday) in rest.Select(d => (d, true)).Concat(work.Select(d => (d, false))))
        {
            if (day is null) return CalendarErrors.DayMissing;
            if (day.Date.Year != year) return CalendarErrors.OutsideYear(day.Date, year);
            if (string.IsNullOrWhiteSpace(day.Name) || day.Name.Trim().Length > MaxNameLength) return CalendarErrors.NameInvalid(day.Date);
            if (!isHoliday && !IsWeekend(day.Date)) return CalendarErrors.WorkingDayNotWeekend(day.Date);
            if (seen.TryGetValue(day.Date, out var wasHoliday))
                return wasHoliday == isHoliday ? CalendarErrors.Duplicate(day.Date) : CalendarErrors.HolidayAndWorkingDay(day.Date);
            seen[day.Date] = isHoliday;
        }
        return new YearRules(year, Tidy(rest.OfType<NamedDate>()), Tidy(work.OfType<NamedDate>()));
    }

    static NamedDate[] Tidy(IEnumerable<NamedDate> days) =>
        days.Select(d => d with { Name = d.Name.Trim() }).OrderBy(d => d.Date).ToArray();
}
