namespace CivicGrid.Modules.Audit;

/// <summary>Operation log (操作日志): who called which endpoint on which ids, with what result. Never request bodies.</summary>
public sealed class OperationLogEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? AccountId { get; set; }
    public string AccountName { get; set; } = "";
    public string Method { get; set; } = "";
    /// <summary>The route template (e.g. /api/residents/{id}/reveal), not the raw path with its query string.</summary>
    public string Endpoint { get; set; } = "";
    /// <summary>Route values that are ids, "id=…;code=…".</summary>
    public string Ids { get; set; } = "";
    public int Status { get; set; }
    public int DurationMs { get; set; }
}
