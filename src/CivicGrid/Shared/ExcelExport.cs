using MiniExcelLibs;

namespace CivicGrid.Shared;

/// <summary>Any filtered list as an .xlsx download: Chinese column headers, at most <see cref="MaxRows"/> rows.</summary>
public static class ExcelExport
{
    public const int MaxRows = 100_000;
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<IResult> FileAsync(IEnumerable<IDictionary<string, object?>> rows, string sheetName, string filePrefix,
        TimeProvider clock, CancellationToken ct)
    {
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: sheetName, cancellationToken: ct);
        stream.Position = 0;
        return TypedResults.File(stream, ContentType, $"{filePrefix}-{clock.GetUtcNow():yyyyMMddHHmm}.xlsx");
    }

    /// <summary>Several lists in one workbook, one sheet each, in the order given.</summary>
    public static async Task<IResult> FileAsync(IReadOnlyList<(string Sheet, IEnumerable<IDictionary<string, object?>> Rows)> sheets,
        string filePrefix, TimeProvider clock, CancellationToken ct)
    {
        var stream = new MemoryStream();
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets) workbook[sheet] = rows.ToList();
        await stream.SaveAsAsync(workbook, cancellationToken: ct);
        stream.Position = 0;
        return TypedResults.File(stream, ContentType, $"{filePrefix}-{clock.GetUtcNow():yyyyMMddHHmm}.xlsx");
    }
}
