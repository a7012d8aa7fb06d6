using System.Globalization;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Shared;
using MiniExcelLibs;

namespace CivicGrid.Modules.People.Features;

/// <summary>One data row of an import workbook: its Excel row number and the text of each template column.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string column] => Cells.GetValueOrDefault(column);
}

/// <summary>The import workbook: the template's columns, checking and reading an upload, and writing the error workbook.</summary>
public static class ImportSheet
{
    public const string GridCode = "网格代码", Building = "楼栋", Unit = "单元", Room = "房号", Name = "姓名", IdCard = "身份证号",
        Phone = "手机号", ResidenceType = "居住类型", Relation = "与户主关系", Tags = "标签", RowNumber = "行号", Reason = "错误原因";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly string[] Columns = [GridCode, Building, Unit, Room, Name, IdCard, Phone, ResidenceType, Relation, Tags];
    public static readonly string[] Required = [GridCode, Building, Room, Name, IdCard, ResidenceType];
    /// <summary>Tags are Chinese names separated by 、 (commas are forgiven).</summary>
    public static readonly char[] TagSeparators = ['、', ',', '，', ';', '；'];

    /// <summary>Null when the bytes are a readable xlsx whose header row holds every required column; otherwise why not.</summary>
    public static Error? Check(byte[] file)
    {
        // An xlsx is a zip: refuse anything else before MiniExcel guesses it is CSV.
        if (file.Length < 4 || file[0] != 'P' || file[1] != 'K' || file[2] != 3 || file[3] != 4) return ImportErrors.FileInvalid;
        ICollection<string> headers;
        try { headers = MiniExcel.GetColumns(new MemoryStream(file), useHeaderRow: true, excelType: ExcelType.XLSX); }
        // MiniExcel reports a damaged or foreign zip through several exception types; each means "not a readable xlsx".
        catch (Exception e) when (e is not OutOfMemoryException) { return ImportErrors.FileInvalid; }
        var present = headers.Select(h => Header(h?.ToString())).ToHashSet();
        var missing = Required.Where(c => !present.Contains(c)).ToList();
        return missing.Count == 0 ? null : ImportErrors.ColumnsMissing with { Message = $"表头缺少必填列：{string.Join("、", missing)}。请使用导入模板。" };
    }

    /// <summary>Streams the data rows (header in row 1), skipping rows with no value at all.</summary>
    public static IEnumerable<ImportRow> Read(Stream file)
    {
        var number = 1;
        foreach (IDictionary<string, object?> raw in file.Query(useHeaderRow: true, excelType: ExcelType.XLSX))
        {
            number++;
            var cells = new Dictionary<string, string?>();
            foreach (var (key, value) in raw) cells[Header(key)] = Text(value);
            if (cells.Values.All(v => v is null)) continue;
            yield return new ImportRow(number, cells);
        }
    }

    /// <summary>The rejected rows with every original column, their row number and the reason (错误原因).</summary>
    public static byte[] ErrorWorkbook(IEnumerable<(ImportRow Row, string Reason)> rejected)
    {
        var sheet = rejected.Select(r =>
        {
            var line = new Dictionary<string, object?> { [RowNumber] = r.Row.Number };
            foreach (var c in Columns) line[c] = r.Row[c];
            line[Reason] = r.Reason;
            return line;
        }).ToList();
        var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "未导入的行");
        return stream.ToArray();
    }

    /// <summary>Workbooks hold ID numbers in the clear; PersonalDataProtector encrypts text, so they go through base64.</summary>
    public static byte[] Encrypt(byte[] workbook, PersonalDataProtector protector) => protector.Encrypt(Convert.ToBase64String(workbook));

    public static byte[] Decrypt(byte[] cipher, PersonalDataProtector protector) => Convert.FromBase64String(protector.Decrypt(cipher));

    /// <summary>"居住类型(户籍/常住/流动)" and "居住类型" are the same column.</summary>
    static string Header(string? text)
    {
        var s = (text ?? "").Trim();
        var cut = s.IndexOfAny(['(', '（']);
        return cut > 0 ? s[..cut].Trim() : s;
    }

    /// <summary>Excel keeps typed numbers as doubles: room 101 or a phone typed as a number come back as whole numbers.</summary>
    internal static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim() is { Length: > 0 } t ? t : null,
        double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } t ? t : null,
    };
}
