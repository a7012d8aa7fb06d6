using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>Who the caller acts for, and the names of units their rows mention.</summary>
static class Access
{
    /// <summary>
    /// The unit a unit account acts for: the one named, if it is theirs, else their only unit. Acting for another unit is
    /// 403 <c>cobuilding.not_your_unit</c>: the caller can name the unit, so saying "not found" would hide nothing.
    /// </summary>
    public static Result<Guid> ActingUnit(CurrentUser user, Guid? requested)
    {
        var units = user.Scope.UnitIds;
        if (units.Length == 0) return CoBuildingErrors.NotAUnit;
        if (requested is { } id) return units.Contains(id) ? id : CoBuildingErrors.NotYourUnit;
        return units.Length == 1 ? units[0] : CoBuildingErrors.UnitRequired;
    }

    /// <summary>Unit names are public (they are on the alliance's board): read past the area filter, only for ids the
    /// caller already reached through a row they may see.</summary>
    public static async Task<Dictionary<Guid, string>> UnitNamesAsync(CivicGridDbContext db, IEnumerable<Guid?> ids, CancellationToken ct)
    {
        var wanted = ids.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        if (wanted.Count == 0) return [];
        return await db.Organisations.IgnoreQueryFilters([DataScope.FilterName]).Where(o => wanted.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    public static string Name(this Dictionary<Guid, string> names, Guid? id) =>
        id is { } v && names.TryGetValue(v, out var n) ? n : "";

    /// <summary>A unit of the same district as <paramref name="areaCode"/> (units serve across their district's streets).</summary>
    public static Task<Modules.People.Domain.Organisation?> UnitInDistrictAsync(CivicGridDbContext db, Guid unitId, string areaCode, CancellationToken ct) =>
        db.Organisations.IgnoreQueryFilters([DataScope.FilterName])
            .SingleOrDefaultAsync(o => o.Id == unitId && o.AreaCode.StartsWith(areaCode.Substring(0, 6)), ct);

    public static string Clip(string? text, int max) => (text ?? "").Trim() is var t && t.Length > max ? t[..max] : (text ?? "").Trim();
}
