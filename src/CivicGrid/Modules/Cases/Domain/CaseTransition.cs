namespace CivicGrid.Modules.Cases.Domain;

/// <summary>What happened to a case: one value per transition method of <see cref="Case"/>.</summary>
public enum CaseAction
{
    Report = 1, CloseOnTheSpot, Accept, Reject, Dispatch, Whistle, SignFor, StartHandling, ReportHandled, Return,
    Relocate, Escalate, RequestExtension, GrantExtension, RefuseExtension, Verify, FailVerification, Close, Rate, Reopen,
    FlagSupervision, SendSupervisionNotice, MergeInto, AbsorbMerged, TurnYellow, TurnRed, RemindResponse,
}

/// <summary>
/// One entry of a case's history: who, when, from which state to which, the comment and the attachments (DOMAIN.md §3
/// "everything is recorded"). Append-only: nothing updates or deletes a transition. The facts the figures need
/// (<see cref="InTime"/>, <see cref="Solved"/>, <see cref="Rating"/>, <see cref="WorkingMinutes"/>) are fixed here, when
/// they happen, so the rollups never re-read cases.
/// </summary>
public sealed class CaseTransition
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>1, 2, 3… per case; unique with <see cref="CaseId"/>.</summary>
    public int Seq { get; set; }
    /// <summary>The case's grid at the time: figures are kept per community and street from it.</summary>
    public string AreaCode { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public Guid? ActorAccountId { get; set; }
    public string ActorName { get; set; } = "";
    public CaseAction Action { get; set; }
    public CaseStatus? From { get; set; }
    public CaseStatus To { get; set; }
    public string? Comment { get; set; }
    /// <summary>Where the platform wrote <see cref="Comment"/>: what it says, for pages in another language; null where a person wrote it.</summary>
    public CaseNote? Note { get; set; }
    /// <summary>The note's {0}, {1}… (a unit's name, a case number, addresses, days and reason).</summary>
    public string[]? NoteArguments { get; set; }
    /// <summary>The unit the entry concerns (dispatched to, signed for by, returned by…).</summary>
    public Guid? UnitId { get; set; }
    public string? UnitName { get; set; }
    public AssignmentRole? UnitRole { get; set; }
    /// <summary>Sign-for: within the response limit. Handled: within the handling limit.</summary>
    public bool? InTime { get; set; }
    /// <summary>Sign-for: when the unit was dispatched. The response figures count the sign-for on that day, with its dispatch.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }
    /// <summary>Close: closed as solved (解决).</summary>
    public bool? Solved { get; set; }
    public Satisfaction? Rating { get; set; }
    /// <summary>Handled: working time from dispatch (or, after a reopen, from the reopen) to handled, in minutes.</summary>
    public int? WorkingMinutes { get; set; }
    /// <summary>Set once the figures projection has counted this entry (see Figures).</summary>
    public bool Projected { get; set; }
}
