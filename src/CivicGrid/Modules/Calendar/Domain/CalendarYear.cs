using CivicGrid.Shared;

namespace CivicGrid.Modules.Calendar.Domain;

/// <summary>
/// One stored year of the working calendar (年度工作日历). Platform-wide, not area-scoped: the State Council's holidays
/// hold for every street. Replaced whole by an admin; <see cref="Version"/> guards against two admins at once.
/// </summary>
public sealed class CalendarYear : IVersioned
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public List<CalendarDay> Days { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }

    public static CalendarYear From(YearRules rules, DateTimeOffset at)
    {
        var year = new CalendarYear { Id = Guid.NewGuid(), Year = rules.Year };
        year.Replace(rules, at);
        return year;
    }

    public void Replace(YearRules rules, DateTimeOffset at)
    {
        if (rules.Year != Year) throw new ArgumentException($"Rules for {rules.Year} cannot replace {Year}.", nameof(rules));
        Days.Clear();
        Days.AddRange(rules.Holidays.Select(d => new CalendarDay { Date = d.Date, Kind = DayKind.Holiday, Name = d.Name }));
        Days.AddRange(rules.WorkingDays.Select(d => new CalendarDay { Date = d.Date, Kind = DayKind.WorkingDay, Name = d.Name }));
        UpdatedAt = at;
    }

    /// <summary>The stored days were checked when written, so they are valid rules again.</summary>
    public YearRules ToRules() => YearRules.Create(Year, Named(DayKind.Holiday), Named(DayKind.WorkingDay)).Value;

    IEnumerable<NamedDate> Named(DayKind kind) => Days.Where(d => d.Kind == kind).Select(d => new NamedDate(d.Date, d.Name));
}

public enum DayKind { Holiday, WorkingDay }

/// <summary>A named day of a <see cref="CalendarYear"/>: a holiday that rests or an adjusted working day that works.</summary>
public sealed class CalendarDay
{
    public Guid Id { get; set; }
    public Guid CalendarYearId { get; set; }
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    public string Name { get; set; } = "";
}
