namespace CivicGrid.Modules.CoBuilding.Domain;

/// <summary>
/// The categories resources and needs share, so that matching can pair them (DOMAIN.md §4: "a hall, a doctor's
/// Saturday, funds, trucks"). Codes are stable; names are shown.
/// </summary>
public static class Categories
{
    public sealed record Category(string Code, string Name);

    public static readonly IReadOnlyList<Category> All =
    [
        new("venue", "场地设施"),
        new("medical", "医疗健康"),
        new("funds", "资金支持"),
        new("vehicle", "车辆运输"),
        new("volunteer", "志愿服务"),
        new("education", "教育培训"),
        new("goods", "物资捐赠"),
        new("legal", "法律咨询"),
        new("culture", "文体活动"),
        new("other", "其他"),
    ];

    public static bool Exists(string? code) => All.Any(c => c.Code == code);
    public static string NameOf(string code) => All.FirstOrDefault(c => c.Code == code)?.Name ?? code;
}
