using CivicGrid.Modules.Cases.Figures;

namespace CivicGrid.UnitTests.Cases;

/// <summary>How a period is read from the rollups: whole months from the monthly rows, the ragged ends from the daily ones.</summary>
public sealed class FiguresPeriodTests
{
    static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void A_year_from_mid_month_is_two_ragged_ends_and_the_whole_months_between()
    {
        var (days, months) = new FiguresPeriod(D("2025-11-25"), D("2026-11-24")).Split();
        Assert.Equal([(D("2025-11-25"), D("2025-11-30")), (D("2026-11-01"), D("2026-11-24"))], days);
        Assert.Equal((D("2025-12-01"), D("2026-10-01")), months);
    }

    [Fact]
    public void Whole_months_have_no_ragged_ends()
    {
        var (days, months) = new FiguresPeriod(D("2026-01-01"), D("2026-02-28")).Split();
        Assert.Empty(days);
        Assert.Equal((D("2026-01-01"), D("2026-02-01")), months);
    }

    [Fact]
    public void A_leap_february_ends_on_the_29th()
    {
        var (days, months) = new FiguresPeriod(D("2028-02-01"), D("2028-02-28")).Split();
        Assert.Equal([(D("2028-02-01"), D("2028-02-28"))], days);
        Assert.Null(months);
        Assert.Equal(D("2028-02-01"), new FiguresPeriod(D("2028-02-01"), D("2028-02-29")).Split().Months?.First);
    }

    [Theory]
    [InlineData("2026-11-01", "2026-11-23")] // this month so far
    [InlineData("2026-10-26", "2026-11-24")] // thirty days across a month's end
    [InlineData("2026-11-23", "2026-11-23")]
    public void A_period_without_a_whole_month_is_read_by_days(string from, string to)
    {
        var (days, months) = new FiguresPeriod(D(from), D(to)).Split();
        Assert.Equal([(D(from), D(to))], days);
        Assert.Null(months);
    }

    [Fact]
    public void Every_day_is_read_exactly_once()
    {
        var random = new Random(7);
        for (var i = 0; i < 500; i++)
        {
            var from = D("2025-01-01").AddDays(random.Next(700));
            var period = new FiguresPeriod(from, from.AddDays(random.Next(FiguresPeriod.MaxDays)));
            var (days, months) = period.Split();
            var covered = days.SelectMany(r => Enumerable.Range(0, r.To.DayNumber - r.From.DayNumber + 1).Select(r.From.AddDays)).ToList();
            if (months is { } m)
                for (var month = m.First; month <= m.Last; month = month.AddMonths(1))
                    covered.AddRange(Enumerable.Range(0, DateTime.DaysInMonth(month.Year, month.Month)).Select(month.AddDays));
            var expected = Enumerable.Range(0, period.To.DayNumber - period.From.DayNumber + 1).Select(period.From.AddDays);
            Assert.Equal(expected, covered.Order());
        }
    }
}
