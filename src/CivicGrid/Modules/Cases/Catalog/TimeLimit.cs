using System.Globalization;
using CivicGrid.Modules.Calendar.Domain;

namespace CivicGrid.Modules.Cases.Catalog;

public enum TimeUnit { WorkingHours = 1, WorkingDays = 2 }

/// <summary>A response or handling limit (时限) in working time, written "4h" (working hours) or "3d" (working days).</summary>
public readonly record struct TimeLimit(int Amount, TimeUnit Unit)
{
    public static bool TryParse(string? text, out TimeLimit limit)
    {
        limit = default;
        text = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text) || text.Length < 2) return false;
        var unit = text[^1] switch { 'h' => TimeUnit.WorkingHours, 'd' => TimeUnit.WorkingDays, _ => (TimeUnit)0 };
        if (unit == 0 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)) return false;
        if (amount is < 1 or > 365) return false;
        limit = new TimeLimit(amount, unit);
        return true;
    }

    public static TimeLimit Parse(string text) =>
        TryParse(text, out var limit) ? limit : throw new FormatException($"'{text}' is not a time limit like 4h or 3d.");

    /// <summary>The limit counted in working time from <paramref name="start"/>.</summary>
    public Deadline From(DateTimeOffset start, WorkingCalendar calendar) => calendar.DeadlineFor(start, DueFrom(start, calendar));

    public DateTimeOffset DueFrom(DateTimeOffset start, WorkingCalendar calendar) => Unit == TimeUnit.WorkingHours
        ? calendar.AddWorkingHours(start, Amount)
        : calendar.AddWorkingDays(start, Amount);

    public override string ToString() => $"{Amount}{(Unit == TimeUnit.WorkingHours ? 'h' : 'd')}";

    /// <summary>For people: "4个工作小时" / "3个工作日".</summary>
    public string ToChinese() => Unit == TimeUnit.WorkingHours ? $"{Amount}个工作小时" : $"{Amount}个工作日";
}
