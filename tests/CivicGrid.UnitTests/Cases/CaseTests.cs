using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Shared;
using static CivicGrid.UnitTests.Cases.CaseWorld;

namespace CivicGrid.UnitTests.Cases;

/// <summary>The rules of the <see cref="Case"/> aggregate, transition by transition, without a database.</summary>
public sealed class CaseTests
{
    [Fact]
    public void Report_starts_at_reported_at_community_level_with_one_history_entry()
    {
        var c = Reported();
        Assert.Equal(CaseStatus.Reported, c.Status);
        Assert.Equal(CaseLevel.Community, c.Level);
        var entry = Assert.Single(c.NewTransitions);
        Assert.Equal((CaseAction.Report, (CaseStatus?)null, CaseStatus.Reported, 1), (entry.Action, entry.From, entry.To, entry.Seq));
    }

    [Fact]
    public void Only_the_level_that_holds_the_case_may_accept_it()
    {
        var c = Reported();
        Assert.Equal("case.not_your_level", c.Accept(OtherCommunity, null, Monday10)!.Code);
        Assert.Equal("case.not_your_level", c.Accept(GridWorker, null, Monday10)!.Code);
        Assert.Null(c.Accept(Street, null, Monday10)); // a street may step in for its community
    }

    [Fact]
    public void Dispatch_sets_the_response_and_handling_limits_in_working_time()
    {
        var c = Dispatched();
        var a = Assert.Single(c.Assignments);
        // 2 working hours from Monday 10:00 → 12:00; one working day → end of Tuesday (17:30 China time).
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(8)), a.ResponseDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 17, 30, 0, TimeSpan.FromHours(8)), c.HandlingDue);
        Assert.True(c.HandlingYellowAt < c.HandlingDue);
    }

    [Fact]
    public void A_cooperating_unit_that_returns_only_withdraws_itself()
    {
        var c = Dispatched(Housing);
        Assert.Null(c.Return(HousingStaff, "不是我们的", Monday10));
        Assert.Equal(CaseStatus.Dispatched, c.Status);
        Assert.Equal(0, c.ReturnCount);
        Assert.Equal([Cityscape.Id], c.ActiveAssignments.Select(a => a.UnitId));
    }

    [Fact]
    public void A_lead_return_sends_the_case_back_to_the_dispatcher_and_clears_its_limit()
    {
        var c = Dispatched(Housing);
        Assert.Null(c.Return(CityscapeStaff, "不是我们的", Monday10));
        Assert.Equal(CaseStatus.Accepted, c.Status);
        Assert.Equal(1, c.ReturnCount);
        Assert.Empty(c.ActiveAssignments);
        Assert.Null(c.HandlingDue);
    }

    [Fact]
    public void Sign_for_counts_in_time_only_within_the_response_limit()
    {
        var onTime = Dispatched();
        Assert.Null(onTime.SignFor(CityscapeStaff, Monday10.AddHours(1)));
        Assert.True(onTime.NewTransitions[^1].InTime);

        var late = Dispatched();
        Assert.Null(late.SignFor(CityscapeStaff, Monday10.AddHours(3)));
        Assert.False(late.NewTransitions[^1].InTime);
        Assert.Equal("case.not_assigned", late.SignFor(HousingStaff, Monday10)!.Code);
    }

    [Fact]
    public void An_unrestricted_actor_sees_every_case_but_never_acts_for_a_unit()
    {
        var admin = new Actor(Guid.NewGuid(), "系统管理员", DataScope.Unrestricted);
        var c = Dispatched();
        Assert.Equal("case.not_assigned", c.SignFor(admin, Monday10)!.Code);
        Assert.Equal("case.not_assigned", c.Return(admin, "不属于本单位", Monday10)!.Code);
        Assert.Null(c.SignFor(CityscapeStaff, Monday10));
        Assert.NotNull(c.StartHandling(admin, null, Monday10));
        Assert.Equal(CaseStatus.SignedFor, c.Status);
        Assert.DoesNotContain(c.NewTransitions, t => t.ActorName == admin.Name);
    }

    [Fact]
    public void Escalation_climbs_one_level_at_a_time_and_stops_at_the_district()
    {
        var c = Reported();
        Assert.Null(c.Escalate(Community, "协调不了", Monday10));
        Assert.Equal(CaseLevel.Street, c.Level);
        Assert.Equal("case.not_your_level", c.Escalate(Community, "再上提", Monday10)!.Code);
        var district = new Actor(Guid.NewGuid(), "区", DataScope.For(["370303"], [], null));
        Assert.Null(c.Escalate(Street, "街道也协调不了", Monday10));
        Assert.Equal("case.top_level", c.Escalate(district, "没有更高了", Monday10)!.Code);
        Assert.Equal(2, c.EscalationCount);
    }

    [Fact]
    public void On_the_spot_needs_an_item_that_allows_it_a_photo_and_a_comment()
    {
        var notAllowed = new CatalogItem { Code = "0201", Name = "危房", OnTheSpotAllowed = false, ResponseLimit = Item.ResponseLimit, HandlingLimit = Item.HandlingLimit };
        var intake = Intake(CaseSource.Patrol) with { Item = notAllowed };
        Assert.Equal("case.on_the_spot_not_allowed", Case.ReportSettledOnTheSpot(intake, GridWorker, "修好了", [Photo], Monday10).Error!.Code);
        Assert.Equal("case.photo_required", Case.ReportSettledOnTheSpot(Intake(CaseSource.Patrol), GridWorker, "修好了", [], Monday10).Error!.Code);
        var c = Case.ReportSettledOnTheSpot(Intake(CaseSource.Patrol), GridWorker, "修好了", [Photo], Monday10).Value;
        Assert.Equal(CaseStatus.Closed, c.Status);
        Assert.True(c.Solved);
        Assert.Single(c.NewAttachments);
    }

    [Fact]
    public void Extension_days_are_bounded_and_a_grant_moves_the_due_by_working_days()
    {
        var c = Dispatched();
        Assert.Null(c.SignFor(CityscapeStaff, Monday10));
        Assert.Equal("case.extension_days", c.RequestExtension(CityscapeStaff, 0, "x", Monday10)!.Code);
        Assert.Equal("case.extension_days", c.RequestExtension(CityscapeStaff, 31, "x", Monday10)!.Code);
        Assert.Equal("case.not_lead", c.RequestExtension(HousingStaff, 2, "x", Monday10)!.Code);
        Assert.Null(c.RequestExtension(CityscapeStaff, 2, "等材料", Monday10));
        var before = c.HandlingDue!.Value;
        Assert.Null(c.DecideExtension(Community, true, null, OfficialCalendar, Monday10));
        // Tuesday 17:30 + 2 working days → Thursday 17:30.
        Assert.Equal(before.AddDays(2), c.HandlingDue);
    }

    [Fact]
    public void Only_a_dissatisfied_rating_can_be_reopened()
    {
        var c = Dispatched();
        c.SignFor(CityscapeStaff, Monday10);
        c.StartHandling(CityscapeStaff, null, Monday10);
        Assert.Null(c.ReportHandled(CityscapeStaff, "好了", [], OfficialCalendar, Monday10.AddHours(2)));
        Assert.Null(c.Verify(GridWorker, true, null, [], Monday10.AddHours(3)));
        Assert.Null(c.Close(Community, true, null, Monday10.AddHours(3)));
        Assert.Equal("case.not_reporter", c.Rate(Community, Satisfaction.Satisfied, null, actorIsStaff: true, Monday10)!.Code);
        Assert.Null(c.Rate(Resident, Satisfaction.BasicallySatisfied, null, actorIsStaff: false, Monday10.AddHours(4)));
        Assert.Equal("case.not_dissatisfied", c.Reopen(Community, "重办", Item, OfficialCalendar, Monday10)!.Code);
    }

    [Fact]
    public void Merging_needs_an_open_target_of_the_same_district()
    {
        var duplicate = Reported();
        var target = Dispatched();
        var elsewhere = Case.Report(Intake() with { GridCode = "370304001002003", Number = "370304-2026-000001" }, Resident, Monday10);
        Assert.Equal("case.merge_other_district", duplicate.MergeInto(elsewhere, Community, Monday10)!.Code);
        Assert.Null(duplicate.MergeInto(target, Community, Monday10));
        Assert.Equal(CaseStatus.Merged, duplicate.Status);
        Assert.Equal(CaseAction.AbsorbMerged, target.NewTransitions[^1].Action);
    }

    [Fact]
    public void The_sweep_records_yellow_red_supervision_and_one_reminder_each_once()
    {
        var c = Dispatched();
        var due = c.HandlingDue!.Value;
        Assert.True(c.Sweep(Monday10.AddHours(3))); // response limit passed: reminder
        Assert.False(c.Sweep(Monday10.AddHours(3).AddMinutes(1)));
        Assert.True(c.Sweep(due.AddMinutes(1))); // straight to red: yellow is still recorded, then red and supervision
        Assert.Equal(DeadlineStatus.Red, c.Light);
        Assert.True(c.Supervised);
        Assert.False(c.Sweep(due.AddDays(3)));
        var actions = c.NewTransitions.Select(t => t.Action).ToList();
        Assert.Equal(1, actions.Count(a => a == CaseAction.RemindResponse));
        Assert.Equal(1, actions.Count(a => a == CaseAction.TurnYellow));
        Assert.Equal(1, actions.Count(a => a == CaseAction.TurnRed));
        Assert.Equal(1, actions.Count(a => a == CaseAction.FlagSupervision));
    }

    [Fact]
    public void Repeated_returns_flag_the_case_for_supervision()
    {
        var c = Dispatched();
        c.Return(CityscapeStaff, "不是", Monday10);
        c.Dispatch(Community, Housing, [], false, Item, OfficialCalendar, null, Monday10);
        c.Return(HousingStaff, "也不是", Monday10);
        Assert.True(c.Sweep(Monday10));
        Assert.True(c.Supervised);
        Assert.Equal("多次退单", c.SupervisionReason);
    }

    [Fact]
    public void History_sequence_numbers_follow_each_other()
    {
        var c = Dispatched(Housing);
        Assert.Equal(Enumerable.Range(1, c.NewTransitions.Count), c.NewTransitions.Select(t => t.Seq));
        Assert.Equal(c.TransitionCount, c.NewTransitions.Count);
    }
}
