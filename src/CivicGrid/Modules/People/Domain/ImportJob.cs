using CivicGrid.Shared;

namespace CivicGrid.Modules.People.Domain;

/// <summary>
/// Pending: waiting for the worker. Running: being read and validated. Succeeded: the accepted rows are committed
/// (rejected rows, if any, are in the error workbook). Rejected: no row could be accepted, nothing written.
/// Failed: reading or the commit failed, nothing written.
/// </summary>
public enum ImportStatus { Pending = 1, Running = 2, Succeeded = 3, Rejected = 4, Failed = 5 }

/// <summary>
/// An Excel import of households and residents (人口导入). It remembers the uploader's data scope as it was when the file
/// was accepted, so the worker validates and writes with exactly that scope and never with an unrestricted one.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public string AccountName { get; set; } = "";
    /// <summary>The uploader's area-scope prefixes; the job is visible to callers whose scope covers all of them.</summary>
    public List<string> ScopePrefixes { get; set; } = [];
    /// <summary>True only for a platform admin's upload, whose scope is the whole tree.</summary>
    public bool ScopeUnrestricted { get; set; }
    public string FileName { get; set; } = "";
    public ImportStatus Status { get; set; } = ImportStatus.Pending;
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int AcceptedRows { get; set; }
    public int RejectedRows { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>The run that holds the job while it is Running: set when an instance claims it, cleared when the job is
    /// taken back. A concurrency token, so a run that lost its job cannot commit (ImportQueue).</summary>
    public Guid? RunId { get; set; }
    /// <summary>When the holding run last said it is alive; a Running job whose heartbeat is older than
    /// <c>ImportQueue.StaleAfter</c> is taken back and run again.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }
    /// <summary>How many runs have claimed the job. One taken back after <c>ImportQueue.MaxAttempts</c> runs is failed
    /// instead of run again: a file that stops every instance that reads it must not do so forever.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public DataScope Scope => ScopeUnrestricted ? DataScope.Unrestricted : DataScope.For(ScopePrefixes, [], null);

    /// <summary>Whether <paramref name="viewer"/> may see this job: the uploader's own scope or a wider one; otherwise 404.</summary>
    public bool IsVisibleTo(DataScope viewer) =>
        viewer.IsUnrestricted || (!ScopeUnrestricted && ScopePrefixes.Count > 0 && ScopePrefixes.All(viewer.Covers));

    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.Rejected or ImportStatus.Failed;
}

/// <summary>
/// The uploaded workbook and the error workbook of a job, kept apart from the job row so that polling the status never
/// loads them. Both hold ID numbers and phones in the clear, so both are stored encrypted (PersonalDataProtector); the
/// upload is dropped once the job finishes.
/// </summary>
public sealed class ImportFile
{
    public Guid JobId { get; set; }
    public byte[]? UploadCipher { get; set; }
    public byte[]? ErrorsCipher { get; set; }
}

public static class ImportErrors
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    public static readonly Error FileInvalid = Error.Validation("import.file_invalid", "请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）。");
    public static readonly Error FileTooLarge = new("import.file_too_large", "文件超过 20 MB，请拆分后分批导入。", StatusCodes.Status413PayloadTooLarge);
    public static readonly Error ColumnsMissing = Error.Validation("import.columns_missing", "表头缺少必填列，请使用导入模板。");
    public static readonly Error NoRows = Error.Validation("import.no_rows", "文件中没有数据行。");
    public static readonly Error NoScope = Error.Validation("import.no_scope", "您的账号没有区域管辖范围，不能导入人口数据。");
}
