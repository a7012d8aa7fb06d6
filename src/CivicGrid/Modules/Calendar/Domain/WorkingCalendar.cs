namespace CivicGrid.Modules.Calendar.Domain;

/// <summary>
/// The working calendar (工作日历): which days work and during which hours, for every loaded year. Limits count
/// working time only (DOMAIN.md §3). Instants are UTC in and out; days and hours are read in China Standard Time
/// (UTC+8, no daylight saving). Touching a year that is not loaded throws <see cref="CalendarYearNotLoadedException"/>.
/// </summary>
public sealed class WorkingCalendar
{
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    readonly HashSet<int> _years = [];
    readonly Dictionary<DateOnly, bool> _exceptions = []; // date → works (an adjusted working day) or rests (a holiday)

    public WorkingHours Hours { get; }

    public WorkingCalendar(IEnumerable<YearRules> years, WorkingHours hours)
    {
        Hours = hours;
        foreach (var year in years)
        {
            if (!_years.Add(year.Year)) throw new ArgumentException($"Year {year.Year} is given twice.", nameof(years));
            foreach (var day in year.Holidays) _exceptions[day.Date] = false;
            foreach (var day in year.WorkingDays) _exceptions[day.Date] = true;
        }
    }

    public bool IsWorkingDay(DateOnly date)
    {
        if (!_years.Contains(date.Year)) throw new CalendarYearNotLoadedException(date.Year);
        return _exceptions.TryGetValue(date, out var works) ? works : !YearRules.IsWeekend(date);
    }

    /// <summary>The first instant at which <paramref name="hours"/> of working time have passed since <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours) =>
        Advance(start.ToUniversalTime(), TimeSpan.FromHours(hours), stayBeforeGap: true);

    /// <summary>The end of the working day of the <paramref name="days"/>th working day after the day of <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var date = LocalDate(start);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) counted++;
        }
        return Instant(date, Hours.Periods[^1].End);
    }

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from) throw new ArgumentException("The end comes before the start.", nameof(to));
        var total = TimeSpan.Zero;
        for (var date = LocalDate(from); date <= LocalDate(to); date = date.AddDays(1))
            foreach (var (start, end) in PeriodsOn(date))
            {
                var overlap = (end < to ? end : to) - (start > from ? start : from);
                if (overlap > TimeSpan.Zero) total += overlap;
            }
        return total;
    }

    /// <summary>
    /// A limit from <paramref name="start"/> to <paramref name="due"/>. Its yellow point is the last instant at which no
    /// more than 80% of the working time between them has passed (DOMAIN.md §3), so it never falls in a lunch break,
    /// a night or a holiday: a case turns yellow only while people are at work.
    /// </summary>
    public Deadline DeadlineFor(DateTimeOffset start, DateTimeOffset due)
    {
        start = start.ToUniversalTime();
        due = due.ToUniversalTime();
        var yellow = Advance(start, WorkingTimeBetween(start, due) * Deadline.YellowShare, stayBeforeGap: false);
        return new Deadline(start, yellow < due ? yellow : due, due);
    }

    /// <summary>
    /// Walks <paramref name="amount"/> of working time forward. When it runs out exactly at the end of a working period,
    /// <paramref name="stayBeforeGap"/> answers that end (a due time: "by 12:00"); otherwise the start of the next period.
    /// </summary>
    DateTimeOffset Advance(DateTimeOffset start, TimeSpan amount, bool stayBeforeGap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero && stayBeforeGap) return start;
        var remaining = amount;
        for (var date = LocalDate(start); ; date = date.AddDays(1))
            foreach (var (from, to) in PeriodsOn(date))
            {
                var begin = from > start ? from : start;
                if (begin >= to) continue;
                if (remaining < to - begin || (stayBeforeGap && remaining == to - begin)) return begin + remaining;
                remaining -= to - begin;
            }
    }

    IEnumerable<(DateTimeOffset From, DateTimeOffset To)> PeriodsOn(DateOnly date) =>
        IsWorkingDay(date) ? Hours.Periods.Select(p => (Instant(date, p.Start), Instant(date, p.End))) : [];

    static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(ChinaStandardTime).DateTime);

    static DateTimeOffset Instant(DateOnly date, TimeOnly time) =>
        new DateTimeOffset(date.ToDateTime(time), ChinaStandardTime).ToUniversalTime();
}
