using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Domain;

/// <summary>The second half of the loop: extension, verification, closing, rating, reopening, supervision, merging, and the deadline lights.</summary>
public sealed partial class Case
{
    /// <summary>延期: the lead unit asks for more working days, with the reason; the dispatcher decides.</summary>
    public Error? RequestExtension(Actor actor, int days, string? reason, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.SignedFor or CaseStatus.Handling)) return CaseErrors.IllegalMove(Status, "申请延期");
        if (LeadFor(actor) is not { } lead) return CaseErrors.NotLeadUnit;
        if (PendingExtensionDays is not null) return CaseErrors.ExtensionPending;
        if (days is < 1 or > 30) return CaseErrors.ExtensionDaysInvalid;
        if (string.IsNullOrWhiteSpace(reason)) return CaseErrors.ReasonRequired;
        (PendingExtensionDays, PendingExtensionReason) = (days, reason);
        Note(actor, now, CaseAction.RequestExtension, Status, CaseNote.ExtensionAsked, [days.ToString(), reason], e => (e.UnitId, e.UnitName) = (lead.UnitId, lead.UnitName));
        return null;
    }

    /// <summary>The dispatcher grants (the due moves by the requested working days) or refuses the pending extension.</summary>
    public Error? DecideExtension(Actor actor, bool grant, string? comment, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (PendingExtensionDays is not { } days) return CaseErrors.NoExtensionPending;
        if (!CaseStatuses.WithHandlers.Contains(Status)) return CaseErrors.IllegalMove(Status, "审批延期");
        if (!actor.WorksAt(Level, AreaCode)) return CaseErrors.NotYourLevel;
        if (!grant && string.IsNullOrWhiteSpace(comment)) return CaseErrors.ReasonRequired;
        (PendingExtensionDays, PendingExtensionReason) = (null, null);
        if (grant && HandlingStart is { } start && HandlingDue is { } due)
        {
            var extended = calendar.DeadlineFor(start, calendar.AddWorkingDays(due, days));
            (HandlingYellowAt, HandlingDue) = (extended.YellowAt, extended.Due);
            Light = extended.StatusAt(now);
        }
        Move(actor, now, grant ? CaseAction.GrantExtension : CaseAction.RefuseExtension, Status, comment);
        return null;
    }

    /// <summary>核查: someone on the ground checks the work. Passed → Verified; failed → back to the handler (重办, counted).</summary>
    public Error? Verify(Actor actor, bool passed, string? comment, IReadOnlyList<StoredFile> photos, DateTimeOffset now)
    {
        if (Status != CaseStatus.Handled) return CaseErrors.IllegalMove(Status, "核查");
        if (!actor.Covers(AreaCode)) return CaseErrors.NotYourLevel;
        if (!passed && string.IsNullOrWhiteSpace(comment)) return CaseErrors.ReasonRequired;
        if (passed)
        {
            Move(actor, now, CaseAction.Verify, CaseStatus.Verified, comment, photos);
            return null;
        }
        ReopenCount++;
        HandledAt = null;
        Move(actor, now, CaseAction.FailVerification, CaseStatus.Handling, comment, photos);
        return null;
    }

    /// <summary>结案, stating whether the problem was solved (解决率 counts it).</summary>
    public Error? Close(Actor actor, bool solved, string? comment, DateTimeOffset now)
    {
        if (Status != CaseStatus.Verified) return CaseErrors.IllegalMove(Status, "结案");
        if (!actor.WorksAt(Level, AreaCode)) return CaseErrors.NotYourLevel;
        Solved = solved;
        ClosedAt = now;
        Move(actor, now, CaseAction.Close, CaseStatus.Closed, comment, null, e => e.Solved = solved);
        return null;
    }

    /// <summary>
    /// 评价: a resident who reported from their own account rates the result; every other case (patrol, phone, walk-in,
    /// hotline, a third-party app whose account is the app's, not the person's) is rated by the community on a return
    /// visit (回访), i.e. by staff covering the case.
    /// </summary>
    public Error? Rate(Actor actor, Satisfaction rating, string? comment, bool actorIsStaff, DateTimeOffset now)
    {
        if (!Enum.IsDefined(rating)) return CaseErrors.RatingInvalid;
        if (Status != CaseStatus.Closed) return CaseErrors.IllegalMove(Status, "评价");
        var byReporter = RatedByReporter && actor.AccountId == ReporterAccountId;
        var byReturnVisit = actorIsStaff && !RatedByReporter && actor.Covers(AreaCode);
        if (!byReporter && !byReturnVisit) return CaseErrors.NotReporter;
        (Rating, RatingComment) = (rating, comment);
        Move(actor, now, CaseAction.Rate, CaseStatus.Rated, comment, null, e => e.Rating = rating);
        return null;
    }

    /// <summary>Whether the reporter rates (a resident's own report) or the community on a return visit.</summary>
    public bool RatedByReporter => Source == CaseSource.Resident && ReporterAccountId is not null;

    /// <summary>重办 after a 不满意 rating: back to the lead unit with a fresh handling limit; counted.</summary>
    public Error? Reopen(Actor actor, string? reason, CatalogItem item, WorkingCalendar calendar, DateTimeOffset now)
    {
        if (Status != CaseStatus.Rated) return CaseErrors.IllegalMove(Status, "重办");
        if (Rating != Satisfaction.Dissatisfied) return CaseErrors.NotDissatisfied;
        if (!actor.WorksAt(Level, AreaCode)) return CaseErrors.NotYourLevel;
        if (string.IsNullOrWhiteSpace(reason)) return CaseErrors.ReasonRequired;
        if (Lead is null) return CaseErrors.IllegalMove(Status, "重办"); // settled on the spot: nobody to send it back to
        ReopenCount++;
        (ClosedAt, HandledAt, Solved, Rating, RatingComment) = (null, null, null, null, null);
        var handling = item.HandlingLimit.From(now, calendar);
        (HandlingStart, HandlingYellowAt, HandlingDue, Light) = (handling.Start, handling.YellowAt, handling.Due, DeadlineStatus.Green);
        Move(actor, now, CaseAction.Reopen, CaseStatus.Handling, reason);
        return null;
    }

    /// <summary>督办: the supervisor sends a notice to the handlers; the case is flagged if it was not already.</summary>
    public Error? Supervise(Actor actor, string? notice, DateTimeOffset now)
    {
        if (!Status.IsOpen()) return CaseErrors.IllegalMove(Status, "督办");
        if (string.IsNullOrWhiteSpace(notice)) return CaseErrors.CommentRequired;
        if (!Supervised) FlagForSupervision(actor, CaseNote.FlaggedBySupervisor, now);
        Move(actor, now, CaseAction.SendSupervisionNotice, Status, notice);
        return null;
    }

    /// <summary>Flags the case for a supervisor (overdue, returned again and again); once.</summary>
    public bool FlagForSupervision(Actor actor, CaseNote reason, DateTimeOffset now)
    {
        if (Supervised || !Status.IsOpen()) return false;
        (Supervised, SupervisionReason) = (true, CaseNotes.ToChinese(reason, []));
        Note(actor, now, CaseAction.FlagSupervision, Status, reason, []);
        return true;
    }

    /// <summary>并单: this duplicate is folded into <paramref name="target"/>, which carries on; both histories say so.</summary>
    public Error? MergeInto(Case target, Actor actor, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Reported or CaseStatus.Accepted)) return CaseErrors.IllegalMove(Status, "并单");
        if (target.Id == Id) return CaseErrors.MergeIntoSelf;
        if (!target.Status.IsOpen()) return CaseErrors.MergeTargetClosed;
        if (target.DistrictCode != DistrictCode) return CaseErrors.MergeOtherDistrict;
        if (!actor.WorksAt(Level, AreaCode)) return CaseErrors.NotYourLevel;
        MergedIntoId = target.Id;
        ClosedAt = now;
        Note(actor, now, CaseAction.MergeInto, CaseStatus.Merged, CaseNote.MergedInto, [target.Number]);
        target.Note(actor, now, CaseAction.AbsorbMerged, target.Status, CaseNote.AbsorbedDuplicate, [Number]);
        return null;
    }

    /// <summary>
    /// The deadline sweep's step (DOMAIN.md §3): records the light the handling limit has reached, once per change;
    /// reminds each unit that has not signed for (报到) by its response limit, once; flags for supervision a case that
    /// is overdue or returned again and again, once. Returns whether anything was recorded.
    /// </summary>
    public bool Sweep(DateTimeOffset now)
    {
        var before = TransitionCount;
        if (CaseStatuses.WithHandlers.Contains(Status) && HandlingDeadline is { } deadline && deadline.StatusAt(now) > Light)
        {
            var light = deadline.StatusAt(now);
            if (Light == DeadlineStatus.Green) Note(Actor.System, now, CaseAction.TurnYellow, Status, CaseNote.TurnedYellow, []);
            Light = light;
            if (light == DeadlineStatus.Red)
            {
                Note(Actor.System, now, CaseAction.TurnRed, Status, CaseNote.TurnedRed, []);
                FlagForSupervision(Actor.System, CaseNote.FlaggedOverdue, now);
            }
        }
        if (CaseStatuses.WithHandlers.Contains(Status))
            foreach (var a in ActiveAssignments.Where(a => a.SignedAt is null && !a.ResponseReminded && now > a.ResponseDue).ToList())
            {
                a.ResponseReminded = true;
                Note(Actor.System, now, CaseAction.RemindResponse, Status, CaseNote.ResponseOverdue, [a.UnitName],
                    e => (e.UnitId, e.UnitName, e.UnitRole) = (a.UnitId, a.UnitName, a.Role));
            }
        if (ReturnCount >= RepeatedReturns) FlagForSupervision(Actor.System, CaseNote.FlaggedReturns, now);
        return TransitionCount != before;
    }

    /// <summary>DOMAIN.md §3: a repeatedly-returned case is flagged for a supervisor.</summary>
    public const int RepeatedReturns = 2;

    /// <summary>Corrects the grid (and so community and street) the case belongs to, e.g. after a wrong pin.</summary>
    public Error? Relocate(Actor actor, string gridCode, double lon, double lat, string address, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Reported or CaseStatus.Accepted)) return CaseErrors.IllegalMove(Status, "更正位置");
        if (!actor.WorksAt(Level, AreaCode)) return CaseErrors.NotYourLevel;
        if (!actor.Covers(gridCode)) return CaseErrors.PointOutsideYourArea;
        var before = Address; // the history says where it was, not only where it is now
        (AreaCode, Longitude, Latitude, Address) = (gridCode, lon, lat, address);
        Note(actor, now, CaseAction.Relocate, Status, CaseNote.Relocated, [before, address]);
        return null;
    }

    void Move(Actor actor, DateTimeOffset now, CaseAction action, CaseStatus to, string? comment,
        IReadOnlyList<StoredFile>? files = null, Action<CaseTransition>? facts = null)
    {
        var from = Status;
        Status = to;
        UpdatedAt = now;
        Record(actor, now, action, to, comment, files, facts, from);
    }

    /// <summary>A move whose comment the platform writes: stored in Chinese, and as its note for other languages.</summary>
    void Note(Actor actor, DateTimeOffset now, CaseAction action, CaseStatus to, CaseNote note, string[] arguments,
        Action<CaseTransition>? facts = null) =>
        Move(actor, now, action, to, CaseNotes.ToChinese(note, arguments), null, e =>
        {
            (e.Note, e.NoteArguments) = (note, arguments.Length == 0 ? null : arguments);
            facts?.Invoke(e);
        });

    void Record(Actor actor, DateTimeOffset now, CaseAction action, CaseStatus to, string? comment,
        IReadOnlyList<StoredFile>? files = null, Action<CaseTransition>? facts = null, CaseStatus? from = null)
    {
        var entry = new CaseTransition
        {
            CaseId = Id, Seq = ++TransitionCount, AreaCode = AreaCode, At = now, ActorAccountId = actor.AccountId,
            ActorName = actor.Name, Action = action, From = from, To = to, Comment = comment,
        };
        facts?.Invoke(entry);
        NewTransitions.Add(entry);
        foreach (var f in files ?? [])
            NewAttachments.Add(new CaseAttachment
            {
                Id = Guid.CreateVersion7(now), CaseId = Id, TransitionSeq = entry.Seq, FileName = f.FileName,
                ContentType = f.ContentType, Size = f.Size, StorageKey = f.StorageKey, At = now,
            });
    }
}
