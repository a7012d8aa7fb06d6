using CivicGrid.Modules.Points.Domain;

namespace CivicGrid.UnitTests.Points;

public sealed class EarningRuleTests
{
    static EarningRule Rule(int perUnit, int? day, int? month) =>
        new() { AreaCode = "379900001001", Kind = PointsEventKinds.VolunteerHours, PointsPerUnit = perUnit, CapPerDay = day, CapPerMonth = month };

    [Theory]
    [InlineData(60, 10, 10)]
    [InlineData(90, 10, 15)]
    [InlineData(59, 10, 9)]   // 9.83 rounds down, never up
    [InlineData(125, 12, 25)]
    public void Hours_are_minutes_over_sixty_rounded_down(int minutes, int perHour, int expected) =>
        Assert.Equal(expected, Rule(perHour, null, null).PointsFor(PointsEventKinds.VolunteerHours, minutes));

    [Fact]
    public void Other_kinds_count_units() =>
        Assert.Equal(15, Rule(5, null, null).PointsFor(PointsEventKinds.WishFulfilled, 3));

    [Theory]
    [InlineData(15, 0, 0, 15, null)]
    [InlineData(20, 15, 15, 10, "day")]
    [InlineData(30, 0, 25, 20, "month")]  // the day allows 25, the month only 20 more
    [InlineData(10, 0, 45, 0, "month")]
    [InlineData(10, 30, 30, 0, "day")]
    public void Caps_truncate_and_name_the_cap_that_cut(int uncapped, int today, int month, int amount, string? by) =>
        Assert.Equal((amount, by), Rule(10, 25, 45).Cap(uncapped, today, month));

    [Fact]
    public void No_caps_means_the_full_amount() => Assert.Equal((500, (string?)null), Rule(10, null, null).Cap(500, 1000, 10000));

    [Fact]
    public void Every_kind_has_a_default_that_earns() =>
        Assert.All(PointsEventKinds.All, kind => Assert.True(EarningRule.Default("379900001001", kind).PointsPerUnit > 0));
}
