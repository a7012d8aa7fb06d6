using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.People.Features;

/// <summary>GET /api/residents/export.xlsx — the filtered list as Excel, masked like the screen (a full export would be a bulk reveal).</summary>
public static class ExportResidents
{
    public static void Map(RouteGroupBuilder residents) =>
        residents.MapGet("/export.xlsx", Handle).RequireAuthorization(Permissions.People.Export);

    static async Task<IResult> Handle([AsParameters] SearchResidents.Query query, CivicGridDbContext db, PersonalDataProtector protector,
        TimeProvider clock, CancellationToken ct)
    {
        var rows = query.Filter.Apply(db, protector).OrderBy(r => r.AreaCode).ThenBy(r => r.Name).ThenBy(r => r.Id).Take(ExcelExport.MaxRows);
        var list = await SearchResidents.Project(db, rows, clock, ct);
        var sheet = list.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["姓名"] = r.Name, ["性别"] = r.Gender, ["年龄"] = r.Age, ["身份证号"] = r.IdCard, ["手机号"] = r.Phone,
            ["居住类型"] = ResidenceTypeNames.Chinese(r.ResidenceType), ["与户主关系"] = r.RelationToHead,
            ["标签"] = string.Join("、", r.Tags.Select(t => People.Domain.ResidentTags.ChineseNames.GetValueOrDefault(t, t))),
            ["地址"] = r.Address, ["网格代码"] = r.AreaCode,
        });
        return await ExcelExport.FileAsync(sheet, "居民", "residents", clock, ct);
    }
}

public static class ResidenceTypeNames
{
    public static string Chinese(People.Domain.ResidenceType t) => t switch
    {
        People.Domain.ResidenceType.Registered => "户籍",
        People.Domain.ResidenceType.Permanent => "常住",
        _ => "流动",
    };

    public static People.Domain.ResidenceType? Parse(string? text) => text?.Trim() switch
    {
        "户籍" => People.Domain.ResidenceType.Registered,
        "常住" => People.Domain.ResidenceType.Permanent,
        "流动" => People.Domain.ResidenceType.Floating,
        _ => null,
    };
}
