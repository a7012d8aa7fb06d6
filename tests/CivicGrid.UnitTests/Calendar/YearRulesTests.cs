using CivicGrid.Modules.Calendar.Data;
using CivicGrid.Modules.Calendar.Domain;

namespace CivicGrid.UnitTests.Calendar;

public sealed class YearRulesTests
{
    [Fact]
    public void The_shipped_2025_and_2026_calendars_follow_the_State_Council_notices()
    {
        var years = OfficialCalendars.Load().ToDictionary(y => y.Year);
        Assert.Equal([2025, 2026], years.Keys.Order());

        var y2025 = years[2025];
        Assert.Equal(28, y2025.Holidays.Count); // 1 + 8 + 3 + 5 + 3 + 8 days
        Assert.Equal(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"], y2025.WorkingDays.Select(d => $"{d.Date:yyyy-MM-dd}"));
        Assert.Equal(8, y2025.Holidays.Count(d => d.Name == "春节"));

        var y2026 = years[2026];
        Assert.Equal(33, y2026.Holidays.Count); // 3 + 9 + 3 + 5 + 3 + 3 + 7 days
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"], y2026.WorkingDays.Select(d => $"{d.Date:yyyy-MM-dd}"));
        Assert.Equal(Enumerable.Range(15, 9).Select(d => new DateOnly(2026, 2, d)), y2026.Holidays.Where(d => d.Name == "春节").Select(d => d.Date));
        Assert.All(years.Values.SelectMany(y => y.WorkingDays), d => Assert.True(YearRules.IsWeekend(d.Date)));
    }

    public static TheoryData<int, string[], string[], string> Invalid => new()
    {
        { 1999, [], [], "calendar.year_invalid" },
        { 2027, ["2026-12-31"], [], "calendar.date_outside_year" },
        { 2027, [], ["2028-01-01"], "calendar.date_outside_year" },
        { 2027, [], ["2027-02-08"], "calendar.working_day_not_weekend" }, // a Monday
        { 2027, ["2027-02-06"], ["2027-02-06"], "calendar.date_conflict" },
        { 2027, ["2027-02-08", "2027-02-08"], [], "calendar.date_duplicate" },
        { 2027, ["2027-02-08|"], [], "calendar.name_invalid" },
        { 2027, [], ["2027-02-06| "], "calendar.name_invalid" },
    };

    [Theory, MemberData(nameof(Invalid))]
    public void Invalid_years_are_refused_with_a_stable_code(int year, string[] holidays, string[] workingDays, string code)
    {
        var result = YearRules.Create(year, holidays.Select(Named), workingDays.Select(Named));
        Assert.True(result.IsError);
        Assert.Equal(code, result.Error!.Code);
    }

    [Fact]
    public void A_missing_entry_is_refused() =>
        Assert.Equal("calendar.day_missing", YearRules.Create(2027, [null], []).Error?.Code);

    [Fact]
    public void Valid_days_come_back_in_date_order_with_trimmed_names()
    {
        var rules = YearRules.Create(2027, [Named("2027-02-09|春节 "), Named("2027-02-08|春节")], []).Value;
        Assert.Equal([new NamedDate(new DateOnly(2027, 2, 8), "春节"), new NamedDate(new DateOnly(2027, 2, 9), "春节")], rules.Holidays);
    }

    /// <summary>"2027-02-08" or "2027-02-08|name"; without a name, 节日.</summary>
    static NamedDate Named(string text)
    {
        var parts = text.Split('|');
        return new NamedDate(Cst.Day(parts[0]), parts.Length > 1 ? parts[1] : "节日");
    }
}
