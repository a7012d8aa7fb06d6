using System.Globalization;
using CivicGrid.Shared;
using MiniExcelLibs;

namespace CivicGrid.Modules.Cases.Catalog.Features;

/// <summary>One data row of a catalog workbook: its Excel row number and the text of each column.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string column] => Cells.GetValueOrDefault(column);
}

/// <summary>
/// The catalog as a workbook, one row per item: what the export writes is exactly what the import reads, so a sheet
/// exported, left alone and imported again changes nothing.
/// </summary>
public static class CatalogSheet
{
    public const string SheetName = "事项清单";
    public const string CategoryCode = "大类编码", CategoryName = "大类名称", Code = "事项编码", Name = "事项名称", LeadDuty = "主责单位类型",
        CooperatingDuties = "配合单位类型", OnTheSpot = "可现场处置", ResponseLimit = "响应时限", HandlingLimit = "办理时限", Status = "状态";
    public const string Yes = "是", No = "否", Active = "启用", Retired = "停用";

    public static readonly string[] Columns = [CategoryCode, CategoryName, Code, Name, LeadDuty, CooperatingDuties, OnTheSpot, ResponseLimit, HandlingLimit, Status];
    /// <summary>An empty 配合单位类型 is none, an empty 可现场处置 is 否, an empty 状态 is 启用.</summary>
    public static readonly string[] Required = [CategoryCode, CategoryName, Code, Name, LeadDuty, ResponseLimit, HandlingLimit];
    /// <summary>Duties are written 、-separated; commas and semicolons are forgiven.</summary>
    public static readonly char[] DutySeparators = ['、', ',', '，', ';', '；', '/'];

    public static IDictionary<string, object?> Row(CatalogCategory category, CatalogItem item) => new Dictionary<string, object?>
    {
        [CategoryCode] = category.Code, [CategoryName] = category.Name, [Code] = item.Code, [Name] = item.Name,
        [LeadDuty] = item.LeadDuty, [CooperatingDuties] = string.Join("、", item.CooperatingDuties),
        [OnTheSpot] = item.OnTheSpotAllowed ? Yes : No,
        [ResponseLimit] = item.ResponseLimit.ToChinese(), [HandlingLimit] = item.HandlingLimit.ToChinese(),
        [Status] = item.Retired ? Retired : Active,
    };

    public static string ColumnOf(ItemField field) => field switch
    {
        ItemField.CategoryCode => CategoryCode, ItemField.CategoryName => CategoryName, ItemField.Code => Code, ItemField.Name => Name,
        ItemField.LeadDuty => LeadDuty, ItemField.CooperatingDuties => CooperatingDuties, ItemField.OnTheSpotAllowed => OnTheSpot,
        ItemField.ResponseLimit => ResponseLimit, ItemField.HandlingLimit => HandlingLimit, _ => Status,
    };

    /// <summary>Null when the bytes are a readable xlsx whose header row holds every required column; otherwise why not.</summary>
    public static Error? Check(byte[] file)
    {
        // An xlsx is a zip: refuse anything else before MiniExcel guesses it is CSV.
        if (file.Length < 4 || file[0] != 'P' || file[1] != 'K' || file[2] != 3 || file[3] != 4) return CatalogErrors.FileInvalid;
        ICollection<string> headers;
        try { headers = MiniExcel.GetColumns(new MemoryStream(file), useHeaderRow: true, excelType: ExcelType.XLSX); }
        // MiniExcel reports a damaged or foreign zip through several exception types; each means "not a readable xlsx".
        catch (Exception e) when (e is not OutOfMemoryException) { return CatalogErrors.FileInvalid; }
        var present = headers.Select(h => h?.Trim()).ToHashSet();
        var missing = Required.Where(c => !present.Contains(c)).ToList();
        return missing.Count == 0 ? null : CatalogErrors.ColumnsMissing(missing);
    }

    /// <summary>The data rows of the first sheet (header in row 1), skipping rows with no value at all.</summary>
    public static IEnumerable<SheetRow> Read(Stream file)
    {
        var number = 1;
        foreach (IDictionary<string, object?> raw in file.Query(useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            number++;
            var cells = new Dictionary<string, string?>();
            foreach (var (key, value) in raw) cells[key.Trim()] = Text(value);
            if (cells.Values.All(v => v is null)) continue;
            yield return new SheetRow(number, cells);
        }
    }

    /// <summary>
    /// A code as typed: Excel turns "0101" typed into a general cell into the number 101, so digits shorter than the code
    /// get their leading zeros back.
    /// </summary>
    public static string? PadCode(string? text, int length) =>
        text is { Length: > 0 } t && t.Length < length && t.All(char.IsAsciiDigit) ? t.PadLeft(length, '0') : text;

    public static IReadOnlyList<string> Duties(string? text) =>
        (text ?? "").Split(DutySeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim() is { Length: > 0 } t ? t : null,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } t ? t : null,
    };
}
