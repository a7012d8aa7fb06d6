using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Shared;
using static CivicGrid.UnitTests.Cases.CaseWorld;

namespace CivicGrid.UnitTests.Cases;

/// <summary>
/// Each transition of the <see cref="Case"/> aggregate that <see cref="CaseTests"/> leaves out: the state it leads to and
/// the one history entry it appends (DOMAIN.md §3 "everything is recorded"), or its stable refusal code with the case
/// left as it was.
/// </summary>
public sealed class CaseTransitionTests
{
    static readonly DateTimeOffset Monday15 = Monday10.AddHours(5);
    static readonly DateTimeOffset Wednesday10 = Monday10.AddDays(2);
    static readonly DateTimeOffset Thursday10 = Monday10.AddDays(3);
    static readonly DateTimeOffset Friday10 = Monday10.AddDays(4);
    static readonly Actor Supervisor = new(Guid.NewGuid(), "区督办员", DataScope.For(["370303"], [], null));

    /// <summary>Runs the ordinary loop on <paramref name="c"/> (a new resident report if none) until it stands at <paramref name="status"/>.</summary>
    static Case CaseIn(CaseStatus status, Case? c = null, Actor? dispatcher = null)
    {
        c ??= Reported();
        dispatcher ??= Community;
        while (c.Status != status)
        {
            var error = c.Status switch
            {
                CaseStatus.Reported => c.Accept(dispatcher, null, Monday10),
                CaseStatus.Accepted => c.Dispatch(dispatcher, Cityscape, [], false, Item, OfficialCalendar, null, Monday10),
                CaseStatus.Dispatched => c.SignFor(CityscapeStaff, Monday10),
                CaseStatus.SignedFor => c.StartHandling(CityscapeStaff, null, Monday10),
                CaseStatus.Handling => c.ReportHandled(CityscapeStaff, "已清扫", [], OfficialCalendar, Monday15),
                CaseStatus.Handled => c.Verify(GridWorker, true, null, [], Monday15),
                CaseStatus.Verified => c.Close(dispatcher, true, null, Monday15),
                _ => throw new ArgumentOutOfRangeException(nameof(status), status, "the ordinary loop does not get there"),
            };
            Assert.Null(error);
        }
        return c;
    }

    /// <summary>Makes the move, checks it appended <paramref name="entries"/> history entries, and returns the last.</summary>
    static CaseTransition Moved(Case c, Func<Error?> move, int entries = 1)
    {
        var before = c.NewTransitions.Count;
        Assert.Null(move());
        Assert.Equal(before + entries, c.NewTransitions.Count);
        var last = c.NewTransitions[^1];
        Assert.Equal(c.TransitionCount, last.Seq);
        return last;
    }

    static void AssertEntry(CaseTransition e, CaseAction action, CaseStatus from, CaseStatus to, Actor who, string? comment, DateTimeOffset at) =>
        Assert.Equal((action, (CaseStatus?)from, to, who.AccountId, who.Name, comment, at),
            (e.Action, e.From, e.To, e.ActorAccountId, e.ActorName, e.Comment, e.At));

    /// <summary>The move is refused with <paramref name="code"/> and the case keeps its state, version and history.</summary>
    static void Refused(Case c, string code, Func<Error?> move)
    {
        var before = (c.Status, c.Level, c.Version, c.TransitionCount, c.NewTransitions.Count, c.NewAttachments.Count, c.UpdatedAt);
        Assert.Equal(code, move()?.Code);
        Assert.Equal(before, (c.Status, c.Level, c.Version, c.TransitionCount, c.NewTransitions.Count, c.NewAttachments.Count, c.UpdatedAt));
    }

    [Fact]
    public void Reject_with_a_reason_finishes_the_case_and_records_the_reason()
    {
        var c = Reported();
        var e = Moved(c, () => c.Reject(Community, "不属于受理范围", Monday15));
        Assert.Equal(CaseStatus.Rejected, c.Status);
        Assert.Equal(Monday15, c.ClosedAt);
        Assert.False(c.Status.IsOpen());
        AssertEntry(e, CaseAction.Reject, CaseStatus.Reported, CaseStatus.Rejected, Community, "不属于受理范围", Monday15);
        Refused(c, "case.illegal_transition", () => c.Accept(Community, null, Monday15));
    }

    [Fact]
    public void Reject_without_a_reason_is_refused()
    {
        var c = Reported();
        Refused(c, "case.reason_required", () => c.Reject(Community, null, Monday10));
        Refused(c, "case.reason_required", () => c.Reject(Community, "  ", Monday10));
        Assert.Null(c.ClosedAt);
    }

    [Fact]
    public void Only_the_level_that_holds_a_reported_case_may_reject_it()
    {
        var c = Reported();
        Refused(c, "case.not_your_level", () => c.Reject(OtherCommunity, "不管", Monday10));
        Refused(c, "case.not_your_level", () => c.Reject(GridWorker, "不管", Monday10));
        var accepted = CaseIn(CaseStatus.Accepted);
        Refused(accepted, "case.illegal_transition", () => accepted.Reject(Community, "不管", Monday10));
        var e = Moved(c, () => c.Reject(Street, "不属于受理范围", Monday10)); // a street may step in for its community
        AssertEntry(e, CaseAction.Reject, CaseStatus.Reported, CaseStatus.Rejected, Street, "不属于受理范围", Monday10);
    }

    [Fact]
    public void A_street_whistle_summons_a_lead_and_cooperating_units_each_to_report_within_the_response_limit()
    {
        var c = Reported();
        Assert.Null(c.Escalate(Community, "需要多部门联合处置", Monday10));
        var last = Moved(c, () => c.Dispatch(Street, Cityscape, [Housing], true, Item, OfficialCalendar, "联合整治", Monday10), entries: 2);
        Assert.Equal(CaseStatus.Dispatched, c.Status);
        Assert.True(c.Whistled);
        Assert.Equal([(Cityscape.Id, AssignmentRole.Lead), (Housing.Id, AssignmentRole.Cooperating)],
            c.ActiveAssignments.Select(a => (a.UnitId, a.Role)));
        // Both report within the item's 2 working hours: Monday 12:00.
        Assert.All(c.ActiveAssignments, a => Assert.Equal(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(8)), a.ResponseDue));
        var first = c.NewTransitions[^2];
        AssertEntry(first, CaseAction.Whistle, CaseStatus.Accepted, CaseStatus.Dispatched, Street, "联合整治", Monday10);
        Assert.Equal((Cityscape.Id, AssignmentRole.Lead), (first.UnitId!.Value, first.UnitRole!.Value));
        AssertEntry(last, CaseAction.Whistle, CaseStatus.Dispatched, CaseStatus.Dispatched, Street, "联合整治", Monday10);
        Assert.Equal((Housing.Id, AssignmentRole.Cooperating), (last.UnitId!.Value, last.UnitRole!.Value));

        var report = Moved(c, () => c.SignFor(HousingStaff, Monday10.AddHours(1))); // 报到 by a cooperating unit
        Assert.Equal(CaseStatus.Dispatched, c.Status);
        Assert.Equal((true, AssignmentRole.Cooperating), (report.InTime!.Value, report.UnitRole!.Value));
    }

    [Fact]
    public void Only_a_case_lifted_to_the_street_can_be_whistled()
    {
        var c = CaseIn(CaseStatus.Accepted);
        Refused(c, "case.whistle_needs_street", () => c.Dispatch(Community, Cityscape, [Housing], true, Item, OfficialCalendar, null, Monday10));
        Assert.Empty(c.Assignments);
        Assert.False(c.Whistled);
        Assert.Null(c.HandlingDue);
    }

    [Fact]
    public void A_whistle_needs_at_least_one_cooperating_unit()
    {
        var c = Reported();
        Assert.Null(c.Escalate(Community, "需要多部门联合处置", Monday10));
        Refused(c, "case.whistle_needs_cooperating", () => c.Dispatch(Street, Cityscape, [], true, Item, OfficialCalendar, null, Monday10));
        Assert.Empty(c.Assignments);
        Assert.False(c.Whistled);
    }

    [Fact]
    public void Start_handling_is_for_the_lead_unit_once_it_has_signed_for()
    {
        var c = Dispatched(Housing);
        Refused(c, "case.illegal_transition", () => c.StartHandling(CityscapeStaff, null, Monday10));
        Assert.Null(c.SignFor(HousingStaff, Monday10));
        Assert.Null(c.SignFor(CityscapeStaff, Monday10));
        Refused(c, "case.not_lead", () => c.StartHandling(HousingStaff, null, Monday10));
        var e = Moved(c, () => c.StartHandling(CityscapeStaff, "已到现场", Monday15));
        Assert.Equal(CaseStatus.Handling, c.Status);
        AssertEntry(e, CaseAction.StartHandling, CaseStatus.SignedFor, CaseStatus.Handling, CityscapeStaff, "已到现场", Monday15);
        Assert.Equal(Cityscape.Id, e.UnitId);
    }

    [Fact]
    public void Reporting_handled_needs_a_comment_saying_what_was_done()
    {
        var c = CaseIn(CaseStatus.Handling);
        Refused(c, "case.comment_required", () => c.ReportHandled(CityscapeStaff, null, [Photo], OfficialCalendar, Monday15));
        Refused(c, "case.comment_required", () => c.ReportHandled(CityscapeStaff, " ", [Photo], OfficialCalendar, Monday15));
        Refused(c, "case.not_lead", () => c.ReportHandled(HousingStaff, "已清扫", [Photo], OfficialCalendar, Monday15));
        Assert.Null(c.HandledAt);
    }

    [Fact]
    public void Handled_within_the_limit_is_in_time_and_records_the_working_minutes_since_dispatch()
    {
        var c = CaseIn(CaseStatus.Handling);
        var e = Moved(c, () => c.ReportHandled(CityscapeStaff, "已清扫", [Photo], OfficialCalendar, Monday15));
        Assert.Equal(CaseStatus.Handled, c.Status);
        Assert.Equal(Monday15, c.HandledAt);
        AssertEntry(e, CaseAction.ReportHandled, CaseStatus.Handling, CaseStatus.Handled, CityscapeStaff, "已清扫", Monday15);
        // Dispatched Monday 10:00, handled 15:00: 10:00–12:00 and 13:30–15:00 are working time.
        Assert.Equal((true, 210, Cityscape.Id), (e.InTime!.Value, e.WorkingMinutes!.Value, e.UnitId!.Value));
        Assert.Equal(e.Seq, Assert.Single(c.NewAttachments).TransitionSeq);
    }

    [Fact]
    public void Handled_after_the_limit_is_late_and_counts_only_working_time()
    {
        var c = CaseIn(CaseStatus.Handling);
        var e = Moved(c, () => c.ReportHandled(CityscapeStaff, "已清扫", [], OfficialCalendar, Wednesday10));
        // Due Tuesday 17:30. Monday 10:00–17:30 is 6 working hours, Tuesday 7, Wednesday 9:00–10:00 one: 14 hours.
        Assert.Equal((false, 14 * 60), (e.InTime!.Value, e.WorkingMinutes!.Value));
    }

    [Fact]
    public void A_passed_verification_moves_to_verified_with_its_photos()
    {
        var handling = CaseIn(CaseStatus.Handling);
        Refused(handling, "case.illegal_transition", () => handling.Verify(GridWorker, true, null, [], Monday15));
        var c = CaseIn(CaseStatus.Handled);
        Refused(c, "case.not_your_level", () => c.Verify(OtherCommunity, true, null, [], Monday15));
        var e = Moved(c, () => c.Verify(GridWorker, true, "现场已清理干净", [Photo], Monday15));
        Assert.Equal(CaseStatus.Verified, c.Status);
        Assert.Equal(0, c.ReopenCount);
        AssertEntry(e, CaseAction.Verify, CaseStatus.Handled, CaseStatus.Verified, GridWorker, "现场已清理干净", Monday15);
        Assert.Equal(e.Seq, Assert.Single(c.NewAttachments).TransitionSeq);
    }

    [Fact]
    public void A_failed_verification_needs_a_reason_and_sends_the_case_back_to_the_handler_counted()
    {
        var c = CaseIn(CaseStatus.Handled);
        Refused(c, "case.reason_required", () => c.Verify(GridWorker, false, null, [], Monday15));
        Refused(c, "case.reason_required", () => c.Verify(GridWorker, false, " ", [], Monday15));
        Assert.Equal(0, c.ReopenCount);
        var e = Moved(c, () => c.Verify(GridWorker, false, "路面仍有垃圾", [Photo], Monday15));
        Assert.Equal((CaseStatus.Handling, 1), (c.Status, c.ReopenCount));
        Assert.Null(c.HandledAt);
        AssertEntry(e, CaseAction.FailVerification, CaseStatus.Handled, CaseStatus.Handling, GridWorker, "路面仍有垃圾", Monday15);
        var notice = Assert.Single(CaseNotices.For(c, e));
        Assert.Equal((Cityscape.Id, NoticeKind.Supervision), (notice.UnitId!.Value, notice.Kind));
        Moved(c, () => c.ReportHandled(CityscapeStaff, "重新清扫", [], OfficialCalendar, Monday15.AddHours(1))); // the lead hands it in again
    }

    [Fact]
    public void Only_the_level_that_holds_the_case_may_close_it()
    {
        var c = CaseIn(CaseStatus.Verified);
        Refused(c, "case.not_your_level", () => c.Close(OtherCommunity, true, null, Monday15));
        Refused(c, "case.not_your_level", () => c.Close(GridWorker, true, null, Monday15));
        Assert.Null(c.ClosedAt);
        Assert.Null(c.Solved);
        var e = Moved(c, () => c.Close(Community, false, "仅部分解决", Monday15));
        Assert.Equal((CaseStatus.Closed, false, Monday15), (c.Status, c.Solved!.Value, c.ClosedAt!.Value));
        AssertEntry(e, CaseAction.Close, CaseStatus.Verified, CaseStatus.Closed, Community, "仅部分解决", Monday15);
        Assert.False(e.Solved);
    }

    [Fact]
    public void A_case_lifted_to_the_street_is_closed_by_the_street_not_its_community()
    {
        var lifted = Reported();
        Assert.Null(lifted.Escalate(Community, "协调不了", Monday10));
        var c = CaseIn(CaseStatus.Verified, lifted, dispatcher: Street);
        Refused(c, "case.not_your_level", () => c.Close(Community, true, null, Monday15));
        var e = Moved(c, () => c.Close(Street, true, null, Monday15));
        AssertEntry(e, CaseAction.Close, CaseStatus.Verified, CaseStatus.Closed, Street, null, Monday15);
    }

    [Fact]
    public void A_patrol_case_is_rated_by_the_community_on_a_return_visit()
    {
        var c = CaseIn(CaseStatus.Closed, Case.Report(Intake(CaseSource.Patrol), GridWorker, Monday10));
        Assert.False(c.RatedByReporter);
        Refused(c, "case.not_reporter", () => c.Rate(Resident, Satisfaction.Satisfied, null, actorIsStaff: false, Monday15));
        Refused(c, "case.not_reporter", () => c.Rate(GridWorker, Satisfaction.Satisfied, null, actorIsStaff: false, Monday15)); // reported it, but not a resident's own report
        Refused(c, "case.not_reporter", () => c.Rate(OtherCommunity, Satisfaction.Satisfied, null, actorIsStaff: true, Monday15));
        var e = Moved(c, () => c.Rate(Community, Satisfaction.BasicallySatisfied, "回访：居民基本满意", actorIsStaff: true, Monday15));
        Assert.Equal((CaseStatus.Rated, Satisfaction.BasicallySatisfied, "回访：居民基本满意"), (c.Status, c.Rating!.Value, c.RatingComment));
        AssertEntry(e, CaseAction.Rate, CaseStatus.Closed, CaseStatus.Rated, Community, "回访：居民基本满意", Monday15);
        Assert.Equal(Satisfaction.BasicallySatisfied, e.Rating);
    }

    [Fact]
    public void Reopening_after_dissatisfaction_sends_the_case_back_to_the_lead_with_a_fresh_limit()
    {
        var c = CaseIn(CaseStatus.Handling);
        Assert.True(c.Sweep(Wednesday10));
        Assert.Equal(DeadlineStatus.Red, c.Light);
        Assert.Null(c.ReportHandled(CityscapeStaff, "已清扫", [], OfficialCalendar, Wednesday10));
        Assert.Null(c.Verify(GridWorker, true, null, [], Wednesday10));
        Assert.Null(c.Close(Community, true, null, Wednesday10));
        Assert.Null(c.Rate(Resident, Satisfaction.Dissatisfied, "又脏了", actorIsStaff: false, Wednesday10));
        Refused(c, "case.reason_required", () => c.Reopen(Community, " ", Item, OfficialCalendar, Thursday10));
        Refused(c, "case.not_your_level", () => c.Reopen(OtherCommunity, "重办", Item, OfficialCalendar, Thursday10));

        var e = Moved(c, () => c.Reopen(Community, "居民不满意，重新清扫", Item, OfficialCalendar, Thursday10));
        Assert.Equal((CaseStatus.Handling, 1), (c.Status, c.ReopenCount));
        Assert.Null(c.Rating);
        Assert.Null(c.Solved);
        Assert.Null(c.ClosedAt);
        Assert.Null(c.HandledAt);
        // One working day counted afresh from Thursday 10:00: the end of Friday (17:30 China time).
        Assert.Equal(Thursday10, c.HandlingStart);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 17, 30, 0, TimeSpan.FromHours(8)), c.HandlingDue);
        Assert.Equal(DeadlineStatus.Green, c.Light);
        AssertEntry(e, CaseAction.Reopen, CaseStatus.Rated, CaseStatus.Handling, Community, "居民不满意，重新清扫", Thursday10);

        var again = Moved(c, () => c.ReportHandled(CityscapeStaff, "重新清扫", [], OfficialCalendar, Friday10));
        Assert.True(again.InTime); // within the fresh limit, long after the first one
        // Its handling time is that of this round, from the reopen: not the week since the first dispatch.
        Assert.Equal((int)OfficialCalendar.WorkingTimeBetween(Thursday10, Friday10).TotalMinutes, again.WorkingMinutes);
        Assert.True(again.WorkingMinutes < (int)OfficialCalendar.WorkingTimeBetween(c.DispatchedAt!.Value, Friday10).TotalMinutes);
    }

    [Fact]
    public void A_case_settled_on_the_spot_cannot_be_reopened_for_there_is_no_handler()
    {
        var c = Case.ReportSettledOnTheSpot(Intake(CaseSource.Patrol), GridWorker, "已清扫", [Photo], Monday10).Value;
        Assert.Null(c.Rate(Community, Satisfaction.Dissatisfied, "回访不满意", actorIsStaff: true, Monday15));
        Refused(c, "case.illegal_transition", () => c.Reopen(Community, "重办", Item, OfficialCalendar, Monday15));
        Assert.Equal(0, c.ReopenCount);
    }

    [Fact]
    public void Refusing_an_extension_needs_a_reason_and_leaves_the_limit_as_it_was()
    {
        var c = CaseIn(CaseStatus.SignedFor);
        Assert.Null(c.RequestExtension(CityscapeStaff, 2, "等材料", Monday10));
        var due = c.HandlingDue;
        Refused(c, "case.reason_required", () => c.DecideExtension(Community, false, null, OfficialCalendar, Monday15));
        Refused(c, "case.not_your_level", () => c.DecideExtension(OtherCommunity, false, "不批", OfficialCalendar, Monday15));
        Assert.Equal(2, c.PendingExtensionDays);

        var e = Moved(c, () => c.DecideExtension(Community, false, "材料不影响先行处置", OfficialCalendar, Monday15));
        Assert.Equal(CaseStatus.SignedFor, c.Status);
        Assert.Null(c.PendingExtensionDays);
        Assert.Null(c.PendingExtensionReason);
        Assert.Equal(due, c.HandlingDue);
        AssertEntry(e, CaseAction.RefuseExtension, CaseStatus.SignedFor, CaseStatus.SignedFor, Community, "材料不影响先行处置", Monday15);
        Refused(c, "case.no_extension", () => c.DecideExtension(Community, true, null, OfficialCalendar, Monday15));
    }

    [Fact]
    public void Supervision_flags_the_case_once_and_sends_each_notice_to_the_lead_unit()
    {
        var c = Dispatched();
        Refused(c, "case.comment_required", () => c.Supervise(Supervisor, " ", Monday15));
        Assert.False(c.Supervised);

        var e = Moved(c, () => c.Supervise(Supervisor, "请今日内处置完毕", Monday15), entries: 2);
        Assert.True(c.Supervised);
        Assert.Equal("督办", c.SupervisionReason);
        AssertEntry(c.NewTransitions[^2], CaseAction.FlagSupervision, CaseStatus.Dispatched, CaseStatus.Dispatched, Supervisor, "督办", Monday15);
        AssertEntry(e, CaseAction.SendSupervisionNotice, CaseStatus.Dispatched, CaseStatus.Dispatched, Supervisor, "请今日内处置完毕", Monday15);
        var notice = Assert.Single(CaseNotices.For(c, e));
        Assert.Equal((NoticeKind.Supervision, Cityscape.Id, "督办通知：请今日内处置完毕"), (notice.Kind, notice.UnitId!.Value, notice.Text));

        var second = Moved(c, () => c.Supervise(Supervisor, "再次督办", Monday15.AddHours(1))); // already flagged: the notice alone
        AssertEntry(second, CaseAction.SendSupervisionNotice, CaseStatus.Dispatched, CaseStatus.Dispatched, Supervisor, "再次督办", Monday15.AddHours(1));
    }

    [Fact]
    public void A_finished_case_is_not_supervised()
    {
        var c = Reported();
        Assert.Null(c.Reject(Community, "不属于受理范围", Monday10));
        Refused(c, "case.illegal_transition", () => c.Supervise(Supervisor, "督办", Monday15));
        Assert.False(c.Supervised);
    }

    [Fact]
    public void Relocating_corrects_the_grid_and_so_who_holds_the_case()
    {
        const string otherGrid = "370303001001005";
        var c = Reported();
        var before = c.Address;
        var e = Moved(c, () => c.Relocate(Street, otherGrid, 118.1, 36.1, "北巷3号", Monday10));
        Assert.Equal((otherGrid, 118.1, 36.1, "北巷3号", CaseStatus.Reported), (c.AreaCode, c.Longitude, c.Latitude, c.Address, c.Status));
        AssertEntry(e, CaseAction.Relocate, CaseStatus.Reported, CaseStatus.Reported, Street, $"更正位置：{before} → 北巷3号", Monday10);
        Refused(c, "case.not_your_level", () => c.Accept(Community, null, Monday10));
        Assert.Null(c.Accept(OtherCommunity, null, Monday10));
    }

    [Fact]
    public void Relocating_is_refused_into_a_grid_outside_the_actors_scope_or_once_dispatched()
    {
        var c = Reported();
        Refused(c, "case.point_outside_scope", () => c.Relocate(Community, "370303001001005", 118.1, 36.1, "北巷3号", Monday10));
        Refused(c, "case.not_your_level", () => c.Relocate(OtherCommunity, "370303001001005", 118.1, 36.1, "北巷3号", Monday10));
        Assert.Equal((Grid, "路口"), (c.AreaCode, c.Address));
        var dispatched = Dispatched();
        Refused(dispatched, "case.illegal_transition", () => dispatched.Relocate(Community, "370303001002004", 118.1, 36.1, "南巷", Monday10));
        Assert.Equal(Grid, dispatched.AreaCode);
    }

    [Fact]
    public void A_case_cannot_be_merged_into_itself()
    {
        var c = Reported();
        Refused(c, "case.merge_self", () => c.MergeInto(c, Community, Monday10));
        Assert.Null(c.MergedIntoId);
        Assert.Null(c.ClosedAt);
    }

    [Fact]
    public void A_case_cannot_be_merged_into_a_finished_one()
    {
        var rejected = Reported();
        Assert.Null(rejected.Reject(Community, "重复上报", Monday10));
        var settled = Case.ReportSettledOnTheSpot(Intake(CaseSource.Patrol), GridWorker, "已清扫", [Photo], Monday10).Value;
        var duplicate = Reported();
        foreach (var target in new[] { rejected, settled })
        {
            var targetBefore = (target.Status, target.TransitionCount, target.NewTransitions.Count);
            Refused(duplicate, "case.merge_target_closed", () => duplicate.MergeInto(target, Community, Monday15));
            Assert.Equal(targetBefore, (target.Status, target.TransitionCount, target.NewTransitions.Count));
        }
        Assert.Null(duplicate.MergedIntoId);
    }
}
