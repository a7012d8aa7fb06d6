namespace CivicGrid.Shared.Files;

/// <summary>
/// Decides whether an upload may be stored. The magic bytes decide the kind; the declared content type and the file
/// name are the client's claim and never make a file acceptable (README.md in this folder).
/// </summary>
public static class AllowedUpload
{
    /// <summary>How many leading bytes <see cref="Check"/> needs to recognise every kind.</summary>
    public const int HeadLength = 12;

    static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();

    // Only the major brand counts: AVIF and other ISO-BMFF formats also list "mif1" among their compatible brands.
    static readonly string[] HeicBrands = ["heic", "heix"];
    static readonly string[] HeifBrands = ["mif1", "heif"];

    // Names browsers and phones send for the same bytes; "application/octet-stream" or nothing is no claim at all.
    static readonly Dictionary<string, UploadKind> DeclaredTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = UploadKind.Jpeg, ["image/jpg"] = UploadKind.Jpeg, ["image/pjpeg"] = UploadKind.Jpeg,
        ["image/png"] = UploadKind.Png,
        ["image/webp"] = UploadKind.WebP,
        ["image/heic"] = UploadKind.Heic, ["image/heif"] = UploadKind.Heif,
        ["application/pdf"] = UploadKind.Pdf,
    };

    /// <summary>The kind of the file whose first bytes are <paramref name="head"/>, or why it may not be stored.</summary>
    public static Result<UploadKind> Check(ReadOnlySpan<byte> head, long length, string? declaredContentType, UploadLimits limits)
    {
        if (length <= 0) return FileErrors.Empty;
        var kind = Recognise(head);
        if (kind is null || Contradicts(declaredContentType, kind)) return FileErrors.TypeNotAllowed;
        var max = limits.MaxBytesFor(kind);
        if (length > max) return FileErrors.TooLarge(kind, max);
        return kind;
    }

    /// <summary>Null when <paramref name="count"/> files may go with one transition; otherwise <c>file.too_many</c>.</summary>
    public static Error? CheckCount(int count, UploadLimits limits) =>
        count > limits.MaxFilesPerTransition ? FileErrors.TooMany(limits.MaxFilesPerTransition) : null;

    static UploadKind? Recognise(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(JpegMagic)) return UploadKind.Jpeg;
        if (head.StartsWith(PngMagic)) return UploadKind.Png;
        if (head.StartsWith(PdfMagic)) return UploadKind.Pdf;
        if (head.Length < 12) return null;
        if (head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return UploadKind.WebP;
        if (head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            if (HeicBrands.Contains(brand)) return UploadKind.Heic;
            if (HeifBrands.Contains(brand)) return UploadKind.Heif;
        }
        return null;
    }

    static bool Contradicts(string? declared, UploadKind kind)
    {
        var type = declared?.Split(';', 2)[0].Trim();
        if (string.IsNullOrEmpty(type) || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)) return false;
        if (!DeclaredTypes.TryGetValue(type, out var claimed)) return true;
        // HEIC is HEIF with HEVC inside; phones label either file with either name.
        return claimed != kind && !(IsHeifFamily(claimed) && IsHeifFamily(kind));
    }

    static bool IsHeifFamily(UploadKind kind) => kind == UploadKind.Heic || kind == UploadKind.Heif;
}
