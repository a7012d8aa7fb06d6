namespace CivicGrid.Modules.Cases.Domain;

/// <summary>主办 (lead) or 协办 (cooperating).</summary>
public enum AssignmentRole { Lead = 1, Cooperating = 2 }

/// <summary>A unit a case is dispatched to (or summoned by a whistle), and whether and when it signed for (报到) it.</summary>
public sealed class CaseAssignment
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public AssignmentRole Role { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
    /// <summary>签收/报到 due: the catalog item's response limit from <see cref="AssignedAt"/>.</summary>
    public DateTimeOffset ResponseDue { get; set; }
    public DateTimeOffset? SignedAt { get; set; }
    /// <summary>False once returned or superseded by a re-dispatch; the row stays as history.</summary>
    public bool Active { get; set; } = true;
    /// <summary>The one reminder the sweep sends when the response limit passes unsigned.</summary>
    public bool ResponseReminded { get; set; }
}

/// <summary>A file attached at a transition (before/after photos, documents), stored behind <c>IFileStore</c>.</summary>
public sealed class CaseAttachment
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The history entry it was attached with.</summary>
    public int TransitionSeq { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StorageKey { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>A unit a case can be dispatched to, as the dispatcher named it.</summary>
public sealed record UnitRef(Guid Id, string Name);

/// <summary>A file already stored, to be attached at a transition.</summary>
public sealed record StoredFile(string FileName, string ContentType, long Size, string StorageKey);
