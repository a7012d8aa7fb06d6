using CivicGrid.Modules.People.Domain;
using CivicGrid.Modules.People.Features;
using CivicGrid.Shared;
using MiniExcelLibs;

namespace CivicGrid.UnitTests.People;

public sealed class ImportSheetTests
{
    [Fact]
    public void Numbers_typed_in_excel_come_back_as_whole_digits()
    {
        Assert.Equal("101", ImportSheet.Text(101d));
        Assert.Equal("13800138000", ImportSheet.Text(13800138000d));
        Assert.Equal("1号楼", ImportSheet.Text("  1号楼 "));
        Assert.Null(ImportSheet.Text("   "));
        Assert.Null(ImportSheet.Text(null));
    }

    [Fact]
    public void Read_accepts_header_hints_numbers_rows_as_excel_does_and_skips_empty_rows()
    {
        var file = Workbook(
            new Dictionary<string, object?> { ["姓名"] = "张三", ["居住类型(户籍/常住/流动)"] = "户籍", ["房号"] = 101 },
            new Dictionary<string, object?> { ["姓名"] = null, ["居住类型(户籍/常住/流动)"] = null, ["房号"] = null },
            new Dictionary<string, object?> { ["姓名"] = "李四", ["居住类型(户籍/常住/流动)"] = "流动", ["房号"] = "2-301" });

        var rows = ImportSheet.Read(new MemoryStream(file)).ToList();

        Assert.Equal([2, 4], rows.Select(r => r.Number));
        Assert.Equal(["户籍", "流动"], rows.Select(r => r[ImportSheet.ResidenceType]));
        Assert.Equal(["101", "2-301"], rows.Select(r => r[ImportSheet.Room]));
    }

    [Fact]
    public void Check_refuses_what_is_not_xlsx_and_names_the_missing_columns()
    {
        Assert.Equal(ImportErrors.FileInvalid, ImportSheet.Check("姓名,身份证号\n张三,1"u8.ToArray()));
        Assert.Equal(ImportErrors.FileInvalid, ImportSheet.Check([(byte)'P', (byte)'K', 3, 4, 0, 0, 0]));

        var missing = ImportSheet.Check(Workbook(new Dictionary<string, object?> { ["姓名"] = "张三", ["网格代码"] = "1" }));
        Assert.Equal("import.columns_missing", missing?.Code);
        Assert.Contains("身份证号", missing!.Message);
        Assert.DoesNotContain("网格代码", missing.Message);

        Assert.Null(ImportSheet.Check(Workbook(ImportTemplate.ExampleRow())));
    }

    [Fact]
    public void Error_workbook_keeps_every_column_the_row_number_and_the_reason()
    {
        var row = new ImportRow(7, new Dictionary<string, string?> { [ImportSheet.Name] = "王五", [ImportSheet.IdCard] = "123" });

        var file = ImportSheet.ErrorWorkbook([(row, "身份证号码无效")]);

        var line = Assert.Single(new MemoryStream(file).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>());
        Assert.Equal([ImportSheet.RowNumber, .. ImportSheet.Columns, ImportSheet.Reason], line.Keys);
        Assert.Equal(7, Convert.ToInt32(line[ImportSheet.RowNumber]));
        Assert.Equal("王五", line[ImportSheet.Name]);
        Assert.Equal("身份证号码无效", line[ImportSheet.Reason]);
    }

    [Fact]
    public void Template_example_is_a_valid_id_with_known_tags()
    {
        var example = ImportTemplate.ExampleRow();

        Assert.Equal(ImportSheet.Columns, example.Keys);
        Assert.NotNull(IdCardNumber.Normalize((string)example[ImportSheet.IdCard]!));
        Assert.All(((string)example[ImportSheet.Tags]!).Split('、'), t => Assert.Contains(t, ResidentTags.ChineseNames.Values));
        Assert.NotNull(ResidenceTypeNames.Parse((string)example[ImportSheet.ResidenceType]!));
    }

    [Fact]
    public void A_job_is_visible_to_its_uploaders_scope_or_a_wider_one_only()
    {
        var job = new ImportJob { ScopePrefixes = ["370301001001"] };

        Assert.True(job.IsVisibleTo(DataScope.For(["370301001001"], [], null)));
        Assert.True(job.IsVisibleTo(DataScope.For(["370301001"], [], null)));
        Assert.True(job.IsVisibleTo(DataScope.Unrestricted));
        Assert.False(job.IsVisibleTo(DataScope.For(["370301001002"], [], null)));
        Assert.False(job.IsVisibleTo(DataScope.For(["370301001001001"], [], null))); // one grid of the community: narrower
        Assert.False(new ImportJob { ScopeUnrestricted = true }.IsVisibleTo(DataScope.For(["3703"], [], null)));
    }

    static byte[] Workbook(params Dictionary<string, object?>[] rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        return stream.ToArray();
    }
}
