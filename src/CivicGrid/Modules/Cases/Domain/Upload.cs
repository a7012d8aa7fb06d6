namespace CivicGrid.Modules.Cases.Domain;

/// <summary>
/// A file uploaded ahead of the report or transition that uses it (<c>POST /api/cases/uploads</c>). Only its uploader
/// can attach it, once; the transition then records it as a <see cref="CaseAttachment"/>.
/// </summary>
public sealed class Upload
{
    public Guid Id { get; set; }
    public Guid? AccountId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StorageKey { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? UsedAt { get; set; }

    public StoredFile ToStoredFile() => new(FileName, ContentType, Size, StorageKey);

    /// <summary>How long an upload waits to be attached; after that it is refused, then deleted (Jobs/UploadSweep).</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(1);

    /// <summary>Whether it can still be attached at <paramref name="now"/>: not used, and not older than <see cref="Keep"/>.</summary>
    public static System.Linq.Expressions.Expression<Func<Upload, bool>> Usable(DateTimeOffset now)
    {
        var since = now - Keep;
        return u => u.UsedAt == null && u.At >= since;
    }
}
