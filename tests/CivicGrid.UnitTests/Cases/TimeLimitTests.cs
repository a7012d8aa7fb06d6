using CivicGrid.Modules.Cases.Catalog;

namespace CivicGrid.UnitTests.Cases;

public sealed class TimeLimitTests
{
    [Theory]
    [InlineData("4h", 4, TimeUnit.WorkingHours)]
    [InlineData("3d", 3, TimeUnit.WorkingDays)]
    [InlineData(" 15D ", 15, TimeUnit.WorkingDays)]
    [InlineData("1H", 1, TimeUnit.WorkingHours)]
    [InlineData("365d", 365, TimeUnit.WorkingDays)]
    [InlineData("4 h", 4, TimeUnit.WorkingHours)]
    [InlineData("4小时", 4, TimeUnit.WorkingHours)]
    [InlineData("4个工作小时", 4, TimeUnit.WorkingHours)]
    [InlineData("3天", 3, TimeUnit.WorkingDays)]
    [InlineData("3个工作日", 3, TimeUnit.WorkingDays)]
    [InlineData("3工作日", 3, TimeUnit.WorkingDays)]
    [InlineData("007d", 7, TimeUnit.WorkingDays)]
    public void Parses_the_short_and_the_Chinese_spellings(string text, int amount, TimeUnit unit)
    {
        Assert.True(TimeLimit.TryParse(text, out var limit));
        Assert.Equal(new TimeLimit(amount, unit), limit);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("4")]
    [InlineData("0h")]
    [InlineData("366d")]
    [InlineData("1000d")]
    [InlineData("-4h")]
    [InlineData("+4h")]
    [InlineData("4.5h")]
    [InlineData("4w")]
    [InlineData("4hh")]
    [InlineData("h4")]
    [InlineData("４h")] // a full-width digit is not a number here
    [InlineData("4个月")]
    public void Refuses_anything_else(string? text)
    {
        Assert.False(TimeLimit.TryParse(text, out var limit));
        Assert.Equal(default, limit);
        if (text is not null) Assert.Throws<FormatException>(() => TimeLimit.Parse(text));
    }

    [Theory]
    [InlineData(1, TimeUnit.WorkingHours, "1h", "1个工作小时")]
    [InlineData(15, TimeUnit.WorkingDays, "15d", "15个工作日")]
    public void Formats_for_storage_and_for_people(int amount, TimeUnit unit, string text, string chinese)
    {
        var limit = new TimeLimit(amount, unit);
        Assert.Equal(text, limit.ToString());
        Assert.Equal(chinese, limit.ToChinese());
    }

    [Fact]
    public void Both_spellings_read_back_to_the_same_limit()
    {
        foreach (var unit in new[] { TimeUnit.WorkingHours, TimeUnit.WorkingDays })
            foreach (var amount in new[] { 1, 2, 8, 24, 99, 365 })
            {
                var limit = new TimeLimit(amount, unit);
                Assert.Equal(limit, TimeLimit.Parse(limit.ToString()));
                Assert.Equal(limit, TimeLimit.Parse(limit.ToChinese()));
            }
    }

    [Fact]
    public void Hours_and_days_compare_at_the_length_of_a_working_day()
    {
        var day = TimeSpan.FromHours(7);
        Assert.Equal(TimeSpan.FromHours(7), TimeLimit.Parse("1d").Nominal(day));
        Assert.True(TimeLimit.Parse("8h").Nominal(day) > TimeLimit.Parse("1d").Nominal(day));
        Assert.Equal(TimeSpan.FromHours(21), TimeLimit.Parse("3d").Nominal(day));
    }
}
