using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Shared;
using MiniExcelLibs;

namespace CivicGrid.Modules.People.Features;

/// <summary>GET /api/residents/import/template.xlsx — the import template: the columns, one fictional example row, and how to fill them.</summary>
public static class ImportTemplate
{
    public static void Map(RouteGroupBuilder residents) =>
        residents.MapGet("/import/template.xlsx", () => TypedResults.File(Build(), ImportSheet.ContentType, "居民导入模板.xlsx"))
            .RequireAuthorization(Permissions.People.Import);

    /// <summary>A fictional person: the ID number is made up, but its check digit is right so the row shows a valid format.</summary>
    public static Dictionary<string, object?> ExampleRow() => new()
    {
        [ImportSheet.GridCode] = "370303001001001", [ImportSheet.Building] = "1号楼", [ImportSheet.Unit] = "1单元",
        [ImportSheet.Room] = "101", [ImportSheet.Name] = "张示例", [ImportSheet.IdCard] = ExampleIdCard("37030319800101123"),
        [ImportSheet.Phone] = "13800000000", [ImportSheet.ResidenceType] = "户籍", [ImportSheet.Relation] = "户主",
        [ImportSheet.Tags] = string.Join("、", ResidentTags.ChineseNames[ResidentTags.PartyMember], ResidentTags.ChineseNames[ResidentTags.Veteran]),
    };

    static byte[] Build()
    {
        var rules = new[]
        {
            (ImportSheet.GridCode, "必填。15位网格区划代码，须在您的管辖范围内。"),
            (ImportSheet.Building, "必填。楼栋名称，同一网格内按名称匹配，不存在则新建。"),
            (ImportSheet.Unit, "选填。单元，如“1单元”。"),
            (ImportSheet.Room, "必填。房号；同一楼栋、单元、房号视为同一户，不存在则新建。"),
            (ImportSheet.Name, "必填。不超过50字。"),
            (ImportSheet.IdCard, "必填。18位身份证号，校验位须正确；请设为文本格式，避免被 Excel 改成科学计数法。"),
            (ImportSheet.Phone, "选填。11位手机号。"),
            (ImportSheet.ResidenceType, "必填。户籍、常住或流动。"),
            (ImportSheet.Relation, "选填。户主、配偶、子女、父母、其他；空则为户主。"),
            (ImportSheet.Tags, $"选填。多个用“、”分隔，可选：{string.Join("、", ResidentTags.ChineseNames.Values)}。"),
        }.Select(r => new Dictionary<string, object?> { ["列"] = r.Item1, ["填写说明"] = r.Item2 });
        var sheets = new Dictionary<string, object>
        {
            ["居民"] = new[] { ExampleRow() },
            ["填写说明"] = rules.ToList(),
        };
        var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    static string ExampleIdCard(string first17) => first17 + IdCardNumber.CheckCharFor(first17);
}
