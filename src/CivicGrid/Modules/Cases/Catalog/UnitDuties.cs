namespace CivicGrid.Modules.Cases.Catalog;

/// <summary>
/// The kinds of responsible unit (责任单位类型) the catalog speaks of. A unit (organisation) carries one as its duty, so a
/// catalog item's lead duty suggests whom to dispatch to. Keys are the short Chinese names used in practice.
/// </summary>
public static class UnitDuties
{
    public static readonly IReadOnlyList<string> All =
    [
        "社区", "街道", "物业", "城管", "住建", "公安", "市场监管", "环保", "民政", "卫健", "应急", "水务", "人社",
        "交通", "教育", "司法", "供电", "燃气", "供热", "通信", "园林", "消防",
        // 残联: the disabled persons' federation, a people's organisation rather than a department, answers for disability services.
        "残联",
    ];

    public static bool IsKnown(string? duty) => duty is not null && All.Contains(duty);
}
