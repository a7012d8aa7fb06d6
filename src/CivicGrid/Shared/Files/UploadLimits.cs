namespace CivicGrid.Shared.Files;

/// <summary>How big and how many uploads may be, from the configuration section "Files".</summary>
public sealed record UploadLimits
{
    public const string Section = "Files";
    const long MiB = 1024 * 1024;

    public long MaxPhotoBytes { get; init; } = 10 * MiB;
    public long MaxDocumentBytes { get; init; } = 20 * MiB;
    /// <summary>Photos and documents attached to one case transition (e.g. before/after photos of a handling).</summary>
    public int MaxFilesPerTransition { get; init; } = 9;

    public long MaxBytesFor(UploadKind kind) => kind.IsPhoto ? MaxPhotoBytes : MaxDocumentBytes;

    /// <summary>Reads the section, keeping the defaults for missing keys; a non-positive limit stops the app at start.</summary>
    public static UploadLimits FromConfiguration(IConfiguration config)
    {
        var limits = config.GetSection(Section).Get<UploadLimits>() ?? new UploadLimits();
        if (limits.MaxPhotoBytes <= 0 || limits.MaxDocumentBytes <= 0 || limits.MaxFilesPerTransition <= 0)
            throw new InvalidOperationException(
                "Files:MaxPhotoBytes, Files:MaxDocumentBytes and Files:MaxFilesPerTransition must be positive.");
        return limits;
    }
}
