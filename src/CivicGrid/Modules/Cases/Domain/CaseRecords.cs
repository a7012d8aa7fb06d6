namespace CivicGrid.Modules.Cases.Domain;

/// <summary>The last number handed out per district and year (case numbers 370303-2026-000123).</summary>
public sealed class CaseNumberCounter
{
    /// <summary>"370303-2026".</summary>
    public string Key { get; set; } = "";
    public int Last { get; set; }
}

/// <summary>
/// An intake already answered for an <c>Idempotency-Key</c>: a retry with the same key and body gets the same case, a
/// different body under the same key is refused. Written in the intake's own transaction.
/// </summary>
public sealed class IdempotentRequest
{
    public Guid Id { get; set; }
    public Guid? AccountId { get; set; }
    public string Key { get; set; } = "";
    public string BodyHash { get; set; } = "";
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum NoticeKind { Status = 1, NewInQueue = 2, Reminder = 3, Supervision = 4 }

/// <summary>A notice about a case for one account (the reporter) or one unit (its staff): status changes, new work, reminders, supervision.</summary>
public sealed class CaseNotice
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public Guid? AccountId { get; set; }
    public Guid? UnitId { get; set; }
    public NoticeKind Kind { get; set; }
    /// <summary>What the notice says, for pages in another language; null on notices written before it was recorded.</summary>
    public NoticeMessage? Message { get; set; }
    /// <summary>The message's {0}: a unit's name or a comment, cut to <see cref="CaseNotices.MaxText"/>.</summary>
    public string? Argument { get; set; }
    /// <summary>The notice in Chinese.</summary>
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
