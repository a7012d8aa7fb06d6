using CivicGrid.Modules.Cases.Catalog.Features;
using MiniExcelLibs;

namespace CivicGrid.UnitTests.Cases;

public sealed class CatalogSheetTests
{
    [Fact]
    public void Codes_Excel_turned_into_numbers_get_their_zeros_back()
    {
        var file = new MemoryStream();
        file.SaveAs(new[]
        {
            new Dictionary<string, object?> { ["大类编码"] = 1, ["事项编码"] = 101, ["事项名称"] = "道路不洁", ["配合单位类型"] = null },
            new Dictionary<string, object?> { ["大类编码"] = null, ["事项编码"] = null, ["事项名称"] = null, ["配合单位类型"] = null },
            new Dictionary<string, object?> { ["大类编码"] = "12", ["事项编码"] = " 1205 ", ["事项名称"] = "犬只", ["配合单位类型"] = "城管，社区、 公安" },
        });
        file.Position = 0;

        var rows = CatalogSheet.Read(file).ToList();
        Assert.Equal([2, 4], rows.Select(r => r.Number)); // the empty row 3 is skipped, the numbering is Excel's
        Assert.Equal(("01", "0101"), (CatalogSheet.PadCode(rows[0]["大类编码"], 2), CatalogSheet.PadCode(rows[0]["事项编码"], 4)));
        Assert.Equal(("12", "1205"), (CatalogSheet.PadCode(rows[1]["大类编码"], 2), CatalogSheet.PadCode(rows[1]["事项编码"], 4)));
        Assert.Empty(CatalogSheet.Duties(rows[0]["配合单位类型"]));
        Assert.Equal(["城管", "社区", "公安"], CatalogSheet.Duties(rows[1]["配合单位类型"]));
    }

    [Theory]
    [InlineData("0101", 4, "0101")]
    [InlineData("12345", 4, "12345")]
    [InlineData("1a", 4, "1a")]
    [InlineData(null, 2, null)]
    public void Only_short_digit_strings_are_padded(string? text, int length, string? expected) =>
        Assert.Equal(expected, CatalogSheet.PadCode(text, length));
}
