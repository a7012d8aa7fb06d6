namespace CivicGrid.Shared.Pdf;

/// <summary>
/// The CJK font the PDF reports are written in: <c>Reports:CjkFontPath</c>, else (unless <c>Reports:CjkFontSearch</c>
/// is false) the first of <see cref="WellKnownPaths"/> that exists and has TrueType outlines. Read on the first PDF, face
/// 0 of a collection. Without one a PDF route answers 503 <see cref="Missing"/>: a PDF of empty boxes helps nobody.
/// </summary>
public sealed class ReportFont(IReadOnlyList<string> candidates, ILogger<ReportFont> log)
{
    public static readonly Error Missing = new("report.font_missing",
        "服务器未安装中文字体，暂时无法生成PDF报告。请联系系统管理员安装 fonts-wqy-microhei 或配置 Reports:CjkFontPath；Excel 报表不受影响。",
        StatusCodes.Status503ServiceUnavailable);

    /// <summary>Debian's CJK fonts (CI installs fonts-wqy-microhei). Noto Sans CJK is CFF and is skipped unless a TrueType build is installed.</summary>
    public static readonly IReadOnlyList<string> WellKnownPaths =
    [
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    ];

    readonly Lazy<string?> _family = new(() => Load(candidates, log), LazyThreadSafetyMode.ExecutionAndPublication);

    public IReadOnlyList<string> Candidates => candidates;

    /// <summary>The PDFsharp family name of the loaded face, or null when no usable font was found.</summary>
    public string? Family => _family.Value;

    public static ReportFont FromConfiguration(IConfiguration config, ILogger<ReportFont> log)
    {
        var configured = config["Reports:CjkFontPath"];
        var search = config.GetValue("Reports:CjkFontSearch", true);
        List<string> candidates = [];
        if (!string.IsNullOrWhiteSpace(configured)) candidates.Add(configured);
        if (search) candidates.AddRange(WellKnownPaths);
        if (!candidates.Any(File.Exists))
            log.LogWarning("No CJK font for PDF reports (Reports:CjkFontPath={Configured}, search {Search}): PDF routes answer 503.", configured, search);
        return new ReportFont(candidates, log);
    }

    static string? Load(IReadOnlyList<string> candidates, ILogger log)
    {
        foreach (var path in candidates.Where(File.Exists))
        {
            try
            {
                var face = TrueTypeFont.SingleFace(File.ReadAllBytes(path));
                if (!TrueTypeFont.HasTrueTypeOutlines(face))
                {
                    log.LogWarning("CJK font {Path} has no TrueType outlines (CFF); PDFsharp cannot embed it. Trying the next.", path);
                    continue;
                }
                log.LogInformation("PDF reports use the CJK font {Path}.", path);
                return CjkFontResolver.Instance.Register(face);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                log.LogWarning(e, "CJK font {Path} cannot be read. Trying the next.", path);
            }
        }
        return null;
    }
}
