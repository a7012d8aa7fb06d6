using System.Globalization;
using CivicGrid.Modules.Calendar.Domain;

namespace CivicGrid.Modules.Cases.Catalog;

public enum TimeUnit { WorkingHours = 1, WorkingDays = 2 }

/// <summary>A response or handling limit (时限) in working time, written "4h" (working hours) or "3d" (working days).</summary>
public readonly record struct TimeLimit(int Amount, TimeUnit Unit)
{
    /// <summary>The spellings a person may type in a sheet: "4h", "4小时", "4个工作小时"; "3d", "3天", "3个工作日".</summary>
    static readonly string[] HourUnits = ["h", "小时", "个小时", "工作小时", "个工作小时"];
    static readonly string[] DayUnits = ["d", "天", "日", "工作日", "个工作日"];

    /// <summary>Reads "4h" or "3d" (and the Chinese spellings <see cref="ToChinese"/> writes); 1 to 365 of either unit.</summary>
    public static bool TryParse(string? text, out TimeLimit limit)
    {
        limit = default;
        text = text?.Replace(" ", "").Replace("\u3000", "").ToLowerInvariant();
        if (string.IsNullOrEmpty(text)) return false;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
        if (digits is 0 or > 3) return false;
        var suffix = text[digits..];
        var unit = HourUnits.Contains(suffix) ? TimeUnit.WorkingHours : DayUnits.Contains(suffix) ? TimeUnit.WorkingDays : (TimeUnit)0;
        if (unit == 0) return false;
        var amount = int.Parse(text[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
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

    /// <summary>
    /// This limit in working hours, counting a day as <paramref name="day"/>: to compare a limit in hours with one in
    /// days (a response limit may not outlast its handling limit).
    /// </summary>
    public TimeSpan Nominal(TimeSpan day) => Unit == TimeUnit.WorkingHours ? TimeSpan.FromHours(Amount) : day * Amount;

    public override string ToString() => $"{Amount}{(Unit == TimeUnit.WorkingHours ? 'h' : 'd')}";

    /// <summary>For people: "4个工作小时" / "3个工作日".</summary>
    public string ToChinese() => Unit == TimeUnit.WorkingHours ? $"{Amount}个工作小时" : $"{Amount}个工作日";
}
