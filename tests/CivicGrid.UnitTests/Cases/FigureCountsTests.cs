using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Figures;

namespace CivicGrid.UnitTests.Cases;

/// <summary>The counting rules of Cases/Figures/README.md, entry by entry, and the rates and ranks read from them.</summary>
public sealed class FigureCountsTests
{
    static readonly Guid Unit = Guid.NewGuid();

    static CaseTransition Entry(CaseAction action, AssignmentRole? role = null, bool? inTime = null, bool? solved = null,
        Satisfaction? rating = null, int? minutes = null, bool unit = false) => new()
    {
        AreaCode = "370303001002015", At = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero), Action = action,
        UnitId = unit || role is not null ? Unit : null, UnitRole = role, InTime = inTime, Solved = solved, Rating = rating, WorkingMinutes = minutes,
    };

    [Fact]
    public void A_lead_dispatch_and_a_late_sign_for_count_for_the_area_a_cooperating_one_only_for_its_unit()
    {
        Assert.Equal(1, FigureCounts.ForArea(Entry(CaseAction.Dispatch, AssignmentRole.Lead))!.Dispatched);
        var whistle = FigureCounts.ForArea(Entry(CaseAction.Whistle, AssignmentRole.Lead))!;
        Assert.Equal((1, 1), (whistle.Dispatched, whistle.Whistles));
        Assert.Null(FigureCounts.ForArea(Entry(CaseAction.Whistle, AssignmentRole.Cooperating)));
        Assert.Equal(1, FigureCounts.ForUnit(Entry(CaseAction.Whistle, AssignmentRole.Cooperating))!.Dispatched);

        var late = FigureCounts.ForArea(Entry(CaseAction.SignFor, AssignmentRole.Lead, inTime: false))!;
        Assert.Equal((1, 0), (late.Signed, late.SignedInTime));
        var cooperatingInTime = FigureCounts.ForUnit(Entry(CaseAction.SignFor, AssignmentRole.Cooperating, inTime: true))!;
        Assert.Equal((1, 1), (cooperatingInTime.Signed, cooperatingInTime.SignedInTime));
        Assert.Null(FigureCounts.ForArea(Entry(CaseAction.SignFor, AssignmentRole.Cooperating, inTime: true)));
    }

    [Fact]
    public void Only_a_lead_return_counts_for_the_area_every_return_for_the_unit()
    {
        Assert.Equal(1, FigureCounts.ForArea(Entry(CaseAction.Return, AssignmentRole.Lead))!.Returns);
        Assert.Null(FigureCounts.ForArea(Entry(CaseAction.Return, AssignmentRole.Cooperating)));
        Assert.Equal(1, FigureCounts.ForUnit(Entry(CaseAction.Return, AssignmentRole.Cooperating))!.Returns);
    }

    [Fact]
    public void On_the_spot_is_reported_handled_on_time_closed_and_solved_but_not_timed()
    {
        var c = FigureCounts.ForArea(Entry(CaseAction.CloseOnTheSpot, inTime: true, solved: true))!;
        Assert.Equal((1, 1, 1, 1, 1, 0), (c.OnTheSpot, c.Handled, c.HandledOnTime, c.Closed, c.Solved, c.TimedHandled));
        Assert.Equal(0, c.Reported); // its Report entry counts that
        Assert.Null(c.AverageHandlingMinutes);
    }

    [Fact]
    public void Handled_close_rate_reopen_and_escalate_each_count_once()
    {
        var handled = FigureCounts.ForArea(Entry(CaseAction.ReportHandled, inTime: false, minutes: 95, unit: true))!;
        Assert.Equal((1, 0, 95L, 1), (handled.Handled, handled.HandledOnTime, handled.HandlingMinutes, handled.TimedHandled));
        Assert.Equal(95L, FigureCounts.ForUnit(Entry(CaseAction.ReportHandled, inTime: false, minutes: 95, unit: true))!.HandlingMinutes);
        Assert.Equal((1, 0), (FigureCounts.ForArea(Entry(CaseAction.Close, solved: false))!.Closed, FigureCounts.ForArea(Entry(CaseAction.Close, solved: false))!.Solved));
        Assert.Equal(1, FigureCounts.ForArea(Entry(CaseAction.Rate, rating: Satisfaction.BasicallySatisfied))!.BasicallySatisfied);
        Assert.Equal(1, FigureCounts.ForArea(Entry(CaseAction.Rate, rating: Satisfaction.Dissatisfied))!.Dissatisfied);
        Assert.Equal(1, FigureCounts.ForArea(Entry(CaseAction.FailVerification))!.Reopens);
        Assert.Equal(1, FigureCounts.ForArea(Entry(CaseAction.Reopen))!.Reopens);
        Assert.Equal(1, FigureCounts.ForArea(Entry(CaseAction.Escalate))!.Escalations);
    }

    [Theory]
    [InlineData(CaseAction.Accept)]
    [InlineData(CaseAction.StartHandling)]
    [InlineData(CaseAction.TurnRed)]
    [InlineData(CaseAction.RemindResponse)]
    [InlineData(CaseAction.Verify)]
    public void Other_entries_count_for_nothing(CaseAction action)
    {
        Assert.Null(FigureCounts.ForArea(Entry(action, unit: true)));
        Assert.Null(FigureCounts.ForUnit(Entry(action, unit: true)));
    }

    [Fact]
    public void An_entry_counts_on_its_day_in_China_time_and_for_its_community()
    {
        Assert.Equal(new DateOnly(2026, 11, 24), FigureCounts.DayOf(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 23), FigureCounts.DayOf(new DateTimeOffset(2026, 11, 23, 15, 59, 59, TimeSpan.Zero)));
        Assert.Equal("370303001002", FigureCounts.CommunityOf(Entry(CaseAction.Report)));
    }

    [Fact]
    public void Rates_are_sums_over_sums_and_null_without_a_denominator()
    {
        var none = new FigureCounts();
        Assert.Equal((null, null, null, null), (none.ResponseRate, none.ResolutionRate, none.SatisfactionRate, none.OnTimeRate));
        var sum = new FigureCounts { Dispatched = 3, SignedInTime = 1, Satisfied = 1, BasicallySatisfied = 1, Dissatisfied = 1 }
            .Add(new FigureCounts { Dispatched = 1, SignedInTime = 1, HandlingMinutes = 100, TimedHandled = 3 });
        Assert.Equal(0.5, sum.ResponseRate);
        Assert.Equal(0.6667, sum.SatisfactionRate);
        Assert.Equal(33.3, sum.AverageHandlingMinutes);
    }

    static RankRow Row(string name, double? response, double? resolution, double? satisfaction, double? onTime, int returns = 0)
    {
        var row = new RankRow(null, name, name, null, 1, response, resolution, satisfaction, onTime, returns, 0);
        return row with { Score = RankFigures.Score(row) };
    }

    [Fact]
    public void The_score_weighs_the_rates_present_and_ties_share_a_rank()
    {
        Assert.Equal(55.0, Row("a", 1 / 3.0, 2 / 3.0, 0.5, 2 / 3.0).Score);
        Assert.Equal(75.0, Row("units", 1.0, null, null, 0.5).Score); // weights 0.2 and 0.2 only
        Assert.Null(Row("none", null, null, null, null).Score);

        var ranked = RankFigures.Ranked(
        [
            Row("d", null, null, null, null), Row("c", 0.5, 0.5, 0.5, 0.5, returns: 2), Row("b", 0.5, 0.5, 0.5, 0.5),
            Row("a", 0.5, 0.5, 0.5, 0.5), Row("e", 1, 1, 1, 1),
        ]);
        Assert.Equal([("e", 1), ("a", 2), ("b", 2), ("c", 4), ("d", (int?)null)], ranked.Select(r => (r.Name, r.Rank)));
    }
}
