using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Domain;

/// <summary>
/// A case (事件/诉求): one problem running the closed loop of DOMAIN.md §3 until closed and rated. Every transition is a
/// method here that checks the actor, the level and the state, moves the state, and appends one immutable
/// <see cref="CaseTransition"/>; callers never set <see cref="Status"/>. A refused move changes nothing.
/// </summary>
public sealed partial class Case : IScoped, IVersioned
{
    public Guid Id { get; set; }
    /// <summary>Human-readable number, unique per district and year: 370303-2026-000123.</summary>
    public string Number { get; set; } = "";
    /// <summary>The grid the case is in (15 digits): data scope and figures follow it. Correctable by the dispatcher.</summary>
    public string AreaCode { get; set; } = "";
    public CaseSource Source { get; set; }
    public string ItemCode { get; set; } = "";
    public string Description { get; set; } = "";
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    public string Address { get; set; } = "";
    public CasePriority Priority { get; set; } = CasePriority.Normal;
    public CaseStatus Status { get; private set; }
    public CaseLevel Level { get; private set; } = CaseLevel.Community;

    public Guid? ReporterAccountId { get; set; }
    public string ReporterName { get; set; } = "";
    public byte[]? ReporterPhoneCipher { get; set; }
    public string? ReporterPhoneMasked { get; set; }

    public DateTimeOffset ReportedAt { get; set; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public DateTimeOffset? HandledAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    /// <summary>The handling limit (办理时限) counted from dispatch; the light shows how it stands.</summary>
    public DateTimeOffset? HandlingStart { get; private set; }
    public DateTimeOffset? HandlingYellowAt { get; private set; }
    public DateTimeOffset? HandlingDue { get; private set; }
    /// <summary>The last light the sweep (or a transition) recorded; each change is recorded once.</summary>
    public DeadlineStatus Light { get; private set; } = DeadlineStatus.Green;

    public bool OnTheSpot { get; private set; }
    public bool Whistled { get; private set; }
    public bool Supervised { get; private set; }
    public string? SupervisionReason { get; private set; }
    public int ReturnCount { get; private set; }
    public int ReopenCount { get; private set; }
    public int EscalationCount { get; private set; }

    public int? PendingExtensionDays { get; private set; }
    public string? PendingExtensionReason { get; private set; }

    public bool? Solved { get; private set; }
    public Satisfaction? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public Guid? MergedIntoId { get; private set; }

    /// <summary>How many history entries exist: the next entry's <see cref="CaseTransition.Seq"/> is one more.</summary>
    public int TransitionCount { get; private set; }
    public int Version { get; set; }

    public List<CaseAssignment> Assignments { get; private set; } = [];
    /// <summary>New history entries of this unit of work; load <c>db.CaseTransitions</c> to read the whole history.</summary>
    public List<CaseTransition> NewTransitions { get; } = [];
    public List<CaseAttachment> NewAttachments { get; } = [];

    public string DistrictCode => AreaCode[..6];
    public Deadline? HandlingDeadline =>
        HandlingStart is { } s && HandlingYellowAt is { } y && HandlingDue is { } d ? new Deadline(s, y, d) : null;
    public CaseAssignment? Lead => Assignments.FirstOrDefault(a => a.Active && a.Role == AssignmentRole.Lead);
    public IEnumerable<CaseAssignment> ActiveAssignments => Assignments.Where(a => a.Active);

    /// <summary>What a new case is made of; the intake use case has validated and located it.</summary>
    public sealed record Intake(string Number, string GridCode, CaseSource Source, CatalogItem Item, string Description,
        double Longitude, double Latitude, string Address, CasePriority Priority, string ReporterName,
        IReadOnlyList<StoredFile> Photos);

    /// <summary>上报: a new case, reported by <paramref name="reporter"/>.</summary>
    public static Case Report(Intake intake, Actor reporter, DateTimeOffset now)
    {
        var c = new Case
        {
            Id = Guid.CreateVersion7(now), Number = intake.Number, AreaCode = intake.GridCode, Source = intake.Source,
            ItemCode = intake.Item.Code, Description = intake.Description, Longitude = intake.Longitude,
            Latitude = intake.Latitude, Address = intake.Address, Priority = intake.Priority,
            ReporterAccountId = reporter.AccountId, ReporterName = intake.ReporterName, ReportedAt = now,
            Status = CaseStatus.Reported,
        };
        c.Record(reporter, now, CaseAction.Report, CaseStatus.Reported, null, intake.Photos);
        return c;
    }

    /// <summary>巡办合一: the grid worker settled it at once; the case is reported and closed with the photo as proof.</summary>
    public static Result<Case> ReportSettledOnTheSpot(Intake intake, Actor gridWorker, string comment, IReadOnlyList<StoredFile> afterPhotos, DateTimeOffset now)
    {
        if (!intake.Item.OnTheSpotAllowed) return CaseErrors.OnTheSpotNotAllowed;
        if (afterPhotos.Count == 0) return CaseErrors.PhotoRequired;
        if (string.IsNullOrWhiteSpace(comment)) return CaseErrors.CommentRequired;
        var c = Report(intake, gridWorker, now);
        c.OnTheSpot = true;
        c.Solved = true;
        c.HandledAt = c.ClosedAt = now;
        c.Move(gridWorker, now, CaseAction.CloseOnTheSpot, CaseStatus.Closed, comment, afterPhotos, e => { e.Solved = true; e.InTime = true; });
        return c;
    }

    /// <summary>受理.</summary>
    public Error? Accept(Actor actor, string? comment, DateTimeOffset now)
    {
        if (Status != CaseStatus.Reported) return CaseErrors.IllegalMove(Status, "受理");
        if (!actor.WorksAt(Level, AreaCode)) return CaseErrors.NotYourLevel;
        Move(actor, now, CaseAction.Accept, CaseStatus.Accepted, comment);
        return null;
    }

    /// <summary>不予受理, with the reason the reporter will read.</summary>
    public Error? Reject(Actor actor, string? reason, DateTimeOffset now)
    {
        if (Status != CaseStatus.Reported) return CaseErrors.IllegalMove(Status, "不予受理");
        if (!actor.WorksAt(Level, AreaCode)) return CaseErrors.NotYourLevel;
        if (string.IsNullOrWhiteSpace(reason)) return CaseErrors.ReasonRequired;
        ClosedAt = now;
        Move(actor, now, CaseAction.Reject, CaseStatus.Rejected, reason);
        return null;
    }

    /// <summary>
    /// 派遣 to one lead unit and any cooperating units, or 吹哨 (<paramref name="whistle"/>): a street summons a lead and at
    /// least one cooperating unit, each of which must sign for (报到) within the item's response limit. The handling
    /// limit starts now. A re-dispatch after a return replaces the earlier assignments.
    /// </summary>
    public Error? Dispatch(Actor actor, UnitRef lead, IReadOnlyList<UnitRef> cooperating, bool whistle, CatalogItem item,
        WorkingCalendar calendar, string? comment, DateTimeOffset now)
    {
        var action = whistle ? "吹哨" : "派遣";
        if (Status != CaseStatus.Accepted) return CaseErrors.IllegalMove(Status, action);
        if (!actor.WorksAt(Level, AreaCode)) return CaseErrors.NotYourLevel;
        if (whistle && Level == CaseLevel.Community) return CaseErrors.WhistleNeedsStreet;
        if (whistle && cooperating.Count == 0) return CaseErrors.WhistleNeedsCooperating;
        if (cooperating.Select(u => u.Id).Append(lead.Id).Distinct().Count() != cooperating.Count + 1) return CaseErrors.UnitTwice;

        foreach (var old in ActiveAssignments) old.Active = false;
        var responseDue = item.ResponseLimit.DueFrom(now, calendar);
        var handling = item.HandlingLimit.From(now, calendar);
        (HandlingStart, HandlingYellowAt, HandlingDue) = (handling.Start, handling.YellowAt, handling.Due);
        Light = DeadlineStatus.Green;
        DispatchedAt = now;
        Whistled |= whistle;
        var kind = whistle ? CaseAction.Whistle : CaseAction.Dispatch;
        foreach (var (unit, role) in cooperating.Select(u => (u, AssignmentRole.Cooperating)).Prepend((lead, AssignmentRole.Lead)))
        {
            Assignments.Add(new CaseAssignment
            {
                Id = Guid.CreateVersion7(now), CaseId = Id, UnitId = unit.Id, UnitName = unit.Name, Role = role,
                AssignedAt = now, ResponseDue = responseDue,
            });
            Move(actor, now, kind, CaseStatus.Dispatched, comment, null, e => (e.UnitId, e.UnitName, e.UnitRole) = (unit.Id, unit.Name, role));
        }
        return null;
    }

    /// <summary>签收 (报到 when summoned by a whistle): the actor's unit takes the case; in time if within the response limit.</summary>
    public Error? SignFor(Actor actor, DateTimeOffset now)
    {
        if (!CaseStatuses.WithHandlers.Contains(Status)) return CaseErrors.IllegalMove(Status, "签收");
        var mine = ActiveAssignments.Where(a => actor.ActsFor(a.UnitId)).ToList();
        if (mine.Count == 0) return CaseErrors.NotAssignedToYou;
        var assignment = mine.FirstOrDefault(a => a.SignedAt is null);
        if (assignment is null) return CaseErrors.AlreadySigned;
        assignment.SignedAt = now;
        var to = assignment.Role == AssignmentRole.Lead && Status == CaseStatus.Dispatched ? CaseStatus.SignedFor : Status;
        Move(actor, now, CaseAction.SignFor, to, null, null, e =>
        {
            (e.UnitId, e.UnitName, e.UnitRole, e.DispatchedAt) = (assignment.UnitId, assignment.UnitName, assignment.Role, assignment.AssignedAt);
            e.InTime = now <= assignment.ResponseDue;
        });
        return null;
    }

    /// <summary>处置中: the lead unit starts work.</summary>
    public Error? StartHandling(Actor actor, string? comment, DateTimeOffset now)
    {
        if (Status != CaseStatus.SignedFor) return CaseErrors.IllegalMove(Status, "开始处置");
        if (LeadFor(actor) is not { } lead) return CaseErrors.NotLeadUnit;
        Move(actor, now, CaseAction.StartHandling, CaseStatus.Handling, comment, null, e => (e.UnitId, e.UnitName) = (lead.UnitId, lead.UnitName));
        return null;
    }

    /// <summary>办结反馈: the lead unit reports the work done, with what was done and "after" photos.</summary>
    public Error? ReportHandled(Actor actor, string? comment, IReadOnlyList<StoredFile> photos, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (Status != CaseStatus.Handling) return CaseErrors.IllegalMove(Status, "办结反馈");
        if (LeadFor(actor) is not { } lead) return CaseErrors.NotLeadUnit;
        if (string.IsNullOrWhiteSpace(comment)) return CaseErrors.CommentRequired;
        HandledAt = now;
        // Working time since the current handling limit began: the dispatch, or the reopen — not the days a reopened case
        // spent closed and rated before it came back.
        var minutes = (int)calendar.WorkingTimeBetween(HandlingStart ?? DispatchedAt ?? now, now).TotalMinutes;
        Move(actor, now, CaseAction.ReportHandled, CaseStatus.Handled, comment, photos, e =>
        {
            (e.UnitId, e.UnitName) = (lead.UnitId, lead.UnitName);
            e.InTime = HandlingDue is null || now <= HandlingDue;
            e.WorkingMinutes = minutes;
        });
        return null;
    }

    /// <summary>
    /// 退单: a unit says the case is not theirs. A cooperating unit only withdraws itself; the lead unit sends the whole
    /// case back to the dispatcher, who re-dispatches. Each return by a lead is counted.
    /// </summary>
    public Error? Return(Actor actor, string? reason, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Dispatched or CaseStatus.SignedFor or CaseStatus.Handling)) return CaseErrors.IllegalMove(Status, "退单");
        if (string.IsNullOrWhiteSpace(reason)) return CaseErrors.ReasonRequired;
        var mine = ActiveAssignments.Where(a => actor.ActsFor(a.UnitId)).OrderBy(a => a.Role).FirstOrDefault();
        if (mine is null) return CaseErrors.NotAssignedToYou;
        if (mine.Role == AssignmentRole.Cooperating)
        {
            mine.Active = false;
            Move(actor, now, CaseAction.Return, Status, reason, null, e => (e.UnitId, e.UnitName, e.UnitRole) = (mine.UnitId, mine.UnitName, mine.Role));
            return null;
        }
        foreach (var a in ActiveAssignments) a.Active = false;
        ReturnCount++;
        (HandlingStart, HandlingYellowAt, HandlingDue, Light) = (null, null, null, DeadlineStatus.Green);
        Move(actor, now, CaseAction.Return, CaseStatus.Accepted, reason, null, e => (e.UnitId, e.UnitName, e.UnitRole) = (mine.UnitId, mine.UnitName, mine.Role));
        return null;
    }

    /// <summary>上提一级: the level that holds the case cannot solve it and lifts it to the next (community → street → district).</summary>
    public Error? Escalate(Actor actor, string? reason, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Reported or CaseStatus.Accepted)) return CaseErrors.IllegalMove(Status, "上提一级");
        if (!actor.WorksAt(Level, AreaCode)) return CaseErrors.NotYourLevel;
        if (Level == CaseLevel.District) return CaseErrors.TopLevel;
        if (string.IsNullOrWhiteSpace(reason)) return CaseErrors.ReasonRequired;
        Level++;
        EscalationCount++;
        Move(actor, now, CaseAction.Escalate, CaseStatus.Accepted, reason);
        return null;
    }

    CaseAssignment? LeadFor(Actor actor) => Lead is { } lead && actor.ActsFor(lead.UnitId) ? lead : null;
}
