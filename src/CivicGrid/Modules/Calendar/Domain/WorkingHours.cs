using System.Globalization;

namespace CivicGrid.Modules.Calendar.Domain;

/// <summary>
/// Working hours (上班时间): the periods of one working day in China Standard Time, in order and not overlapping.
/// The gaps between them (the lunch break) are not working time.
/// </summary>
public sealed class WorkingHours
{
    /// <summary>09:00–12:00 and 13:30–17:30: seven working hours, the usual office day of a street or community.</summary>
    public static readonly WorkingHours Default = Parse("09:00-12:00,13:30-17:30");

    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> Periods { get; }
    public TimeSpan PerDay { get; }

    public WorkingHours(IEnumerable<(TimeOnly Start, TimeOnly End)> periods)
    {
        Periods = periods.ToArray();
        if (Periods.Count == 0) throw new ArgumentException("A working day needs at least one working period.", nameof(periods));
        for (var i = 0; i < Periods.Count; i++)
        {
            if (Periods[i].End <= Periods[i].Start)
                throw new ArgumentException($"Working period {i + 1} ends before it starts.", nameof(periods));
            if (i > 0 && Periods[i].Start < Periods[i - 1].End)
                throw new ArgumentException($"Working period {i + 1} overlaps or precedes the one before it.", nameof(periods));
        }
        PerDay = Periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));
    }

    /// <summary>Reads the configuration form (Calendar:WorkingHours), e.g. "09:00-12:00,13:30-17:30".</summary>
    public static WorkingHours Parse(string text) => new(
        text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(period =>
        {
            var ends = period.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2) throw new FormatException($"Working period '{period}' is not HH:mm-HH:mm.");
            return (TimeOnly.ParseExact(ends[0], "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(ends[1], "HH:mm", CultureInfo.InvariantCulture));
        }));
}
