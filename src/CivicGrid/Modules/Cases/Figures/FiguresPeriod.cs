using System.Globalization;
using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>The days a figure covers, both ends included, in China time (the days the rollups are kept by).</summary>
public readonly record struct FiguresPeriod(DateOnly From, DateOnly To)
{
    /// <summary>A year and a day: enough for a year-on-year view, small enough that a request stays cheap.</summary>
    public const int MaxDays = 366;

    public static DateOnly Today(TimeProvider clock) => FigureCounts.DayOf(clock.GetUtcNow());

    /// <summary>This month so far: the default of every figure.</summary>
    public static FiguresPeriod ThisMonth(TimeProvider clock)
    {
        var today = Today(clock);
        return new(new DateOnly(today.Year, today.Month, 1), today);
    }

    /// <summary>The period asked for; a missing end defaults to this month's first day or today.</summary>
    public static Result<FiguresPeriod> Of(DateOnly? from, DateOnly? to, TimeProvider clock)
    {
        var month = ThisMonth(clock);
        var period = new FiguresPeriod(from ?? (to is { } t ? new DateOnly(t.Year, t.Month, 1) : month.From), to ?? month.To);
        if (period.From > period.To) return FiguresErrors.PeriodInvalid;
        if (period.To.DayNumber - period.From.DayNumber + 1 > MaxDays) return FiguresErrors.PeriodTooLong;
        return period;
    }

    /// <summary>A calendar month written "2026-10"; this month when none is given.</summary>
    public static Result<FiguresPeriod> Month(string? month, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(month))
        {
            var today = Today(clock);
            return Whole(today.Year, today.Month);
        }
        if (!DateOnly.TryParseExact(month.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            return FiguresErrors.MonthInvalid;
        return Whole(first.Year, first.Month);
    }

    public string MonthText => $"{From:yyyy-MM}";

    /// <summary>
    /// The period as the rollups read it: the whole calendar months inside it (first days, both included) from the
    /// monthly rows, and the ragged days before and after them from the daily rows. A year is then twelve month rows
    /// and at most two stretches of days, instead of 365 days.
    /// </summary>
    public (IReadOnlyList<(DateOnly From, DateOnly To)> Days, (DateOnly First, DateOnly Last)? Months) Split()
    {
        var firstWhole = From.Day == 1 ? From : new DateOnly(From.Year, From.Month, 1).AddMonths(1);
        var lastWhole = To.AddDays(1).Day == 1 ? new DateOnly(To.Year, To.Month, 1) : new DateOnly(To.Year, To.Month, 1).AddMonths(-1);
        if (firstWhole > lastWhole) return ([(From, To)], null);
        List<(DateOnly, DateOnly)> days = [];
        if (From < firstWhole) days.Add((From, firstWhole.AddDays(-1)));
        var afterWhole = lastWhole.AddMonths(1);
        if (afterWhole <= To) days.Add((afterWhole, To));
        return (days, (firstWhole, lastWhole));
    }

    /// <summary>The days before <paramref name="day"/> and the days from it on, either part absent when empty.</summary>
    public (FiguresPeriod? Before, FiguresPeriod? From) SplitBefore(DateOnly day) =>
        To < day ? (this, null)
        : From >= day ? (null, this)
        : (new FiguresPeriod(From, day.AddDays(-1)), new FiguresPeriod(day, To));

    static FiguresPeriod Whole(int year, int month) =>
        new(new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));
}

public static class FiguresErrors
{
    public static readonly Error PeriodInvalid = Error.Validation("figures.period_invalid", "统计期间不正确：开始日期不能晚于结束日期。");
    public static readonly Error PeriodTooLong = Error.Validation("figures.period_too_long", $"统计期间最长{FiguresPeriod.MaxDays}天。");
    public static readonly Error MonthInvalid = Error.Validation("figures.month_invalid", "月份格式不正确，应为 2026-10 这样的年月。");
    public static readonly Error LevelInvalid = Error.Validation("figures.level_invalid", "排名层级应为 street、community 或 unit。");
    public static readonly Error AreaInvalid = Error.Validation("figures.area_invalid", "区划代码格式不正确。");
    /// <summary>Figures are kept per community; a grid has none of its own.</summary>
    public static readonly Error AreaTooFine = Error.Validation("figures.area_too_fine", "指标统计到社区一级，请选择社区或以上区划。");
    /// <summary>Outside the caller's scope looks the same as missing.</summary>
    public static readonly Error AreaNotFound = Error.NotFound("figures.area_not_found", "区划不存在。");
}
