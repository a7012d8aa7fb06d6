namespace CivicGrid.Shared.Files;

/// <summary>A kind of file we accept, as recognised from its magic bytes: the content type and extension we store it under.</summary>
public sealed record UploadKind(string ContentType, string Extension, bool IsPhoto)
{
    public static readonly UploadKind Jpeg = new("image/jpeg", ".jpg", IsPhoto: true);
    public static readonly UploadKind Png = new("image/png", ".png", IsPhoto: true);
    public static readonly UploadKind WebP = new("image/webp", ".webp", IsPhoto: true);
    public static readonly UploadKind Heic = new("image/heic", ".heic", IsPhoto: true);
    public static readonly UploadKind Heif = new("image/heif", ".heif", IsPhoto: true);
    public static readonly UploadKind Pdf = new("application/pdf", ".pdf", IsPhoto: false);

    public static readonly IReadOnlyList<UploadKind> All = [Jpeg, Png, WebP, Heic, Heif, Pdf];
}
