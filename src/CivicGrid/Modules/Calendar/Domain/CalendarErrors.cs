using CivicGrid.Shared;

namespace CivicGrid.Modules.Calendar.Domain;

public static class CalendarErrors
{
    public static readonly Error YearOutOfRange =
        Error.Validation("calendar.year_invalid", $"年份须在{YearRules.FirstYear}至{YearRules.LastYear}之间。");
    public static readonly Error DayMissing = Error.Validation("calendar.day_missing", "日期条目不能为空。");

    public static Error NotLoaded(int year) => Error.NotFound("calendar.year_not_loaded", $"尚未加载{year}年的工作日历。");

    public static Error OutsideYear(DateOnly date, int year) =>
        Error.Validation("calendar.date_outside_year", $"{date:yyyy-MM-dd} 不在{year}年内。");

    public static Error NameInvalid(DateOnly date) =>
        Error.Validation("calendar.name_invalid", $"{date:yyyy-MM-dd} 须填写节日名称（不超过50字）。");

    public static Error WorkingDayNotWeekend(DateOnly date) =>
        Error.Validation("calendar.working_day_not_weekend", $"{date:yyyy-MM-dd} 不是周六或周日，不能设为调休上班日。");

    public static Error HolidayAndWorkingDay(DateOnly date) =>
        Error.Validation("calendar.date_conflict", $"{date:yyyy-MM-dd} 不能既是节假日又是调休上班日。");

    public static Error Duplicate(DateOnly date) => Error.Validation("calendar.date_duplicate", $"{date:yyyy-MM-dd} 重复出现。");
}

/// <summary>
/// Deadline arithmetic reached a year whose calendar is not loaded. Guessing "every weekday works" would put wrong
/// deadlines on cases (the Spring Festival alone moves them by a week), so this is an error an admin must fix.
/// </summary>
public sealed class CalendarYearNotLoadedException(int year)
    : InvalidOperationException($"The working calendar for {year} is not loaded; load it with PUT /api/calendar/{year}.")
{
    public int Year { get; } = year;
}
