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
}
