using System.Globalization;

namespace CivicGrid.Shared.Files;

public static class FileErrors
{
    public static readonly Error Empty = Error.Validation("file.empty", "文件为空。");

    public static readonly Error TypeNotAllowed =
        Error.Validation("file.type_not_allowed", "只支持 JPG、PNG、WebP、HEIC 格式的照片或 PDF 文件。");

    public static Error TooLarge(UploadKind kind, long maxBytes) =>
        Error.Validation("file.too_large", $"文件过大：{(kind.IsPhoto ? "照片" : "PDF 文件")}不超过{Megabytes(maxBytes)}MB。");

    public static Error TooMany(int max) => Error.Validation("file.too_many", $"文件过多：每次最多上传{max}个文件。");

    // People read limits in whole megabytes (10MB); an odd configured limit still shows truthfully, e.g. 7.5MB.
    static string Megabytes(long bytes) => (bytes / (1024d * 1024d)).ToString("0.#", CultureInfo.InvariantCulture);
}
