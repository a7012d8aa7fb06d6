using CivicGrid.Shared;
using NetTopologySuite.Geometries;

namespace CivicGrid.Modules.Areas.Domain;

/// <summary>A node of the area hierarchy (行政区划): city, district, street, community or grid (网格).</summary>
public sealed class Area : IScoped, IVersioned
{
    public Guid Id { get; set; }
    /// <summary>Statistical division code, 12 digits (15 for a grid). Never reused: a moved area gets a new code.</summary>
    public string AreaCode { get; set; } = "";
    public string Name { get; set; } = "";
    public AreaLevel Level { get; set; }
    public string? ParentCode { get; set; }
    /// <summary>Grid polygon in WGS-84 lon/lat (SRID 4326). Null above grid level.</summary>
    public Polygon? Boundary { get; set; }
    /// <summary>多网合一: which former networks' responsibilities the grid carries (party-building, 综治, 城管, property…).</summary>
    public List<string> Responsibilities { get; set; } = [];
    /// <summary>Retired areas keep their history and stay readable; they take no new data. Areas are never hard-deleted.</summary>
    public DateTimeOffset? RetiredAt { get; set; }
    public int Version { get; set; }

    public bool IsRetired => RetiredAt is not null;
    public AreaCode Code => Shared.AreaCode.Parse(AreaCode);
}

public static class AreaErrors
{
    public static readonly Error InvalidCode = Error.Validation("area.code_invalid", "区划代码格式不正确（社区及以上12位，网格15位）。");
    public static readonly Error DuplicateCode = Error.Conflict("area.code_taken", "该区划代码已存在。");
    public static readonly Error ParentMissing = Error.Validation("area.parent_missing", "上级区划不存在或已撤销。");
    public static readonly Error OutsideScope = Error.NotFound("area.not_found", "区划不存在。");
    public static readonly Error NameRequired = Error.Validation("area.name_required", "名称不能为空。");
    public static readonly Error AlreadyRetired = Error.Conflict("area.retired", "该区划已撤销。");
    public static readonly Error HasActiveChildren = Error.Conflict("area.has_children", "请先撤销或迁移下级区划。");
    public static readonly Error MoveLevelMismatch = Error.Validation("area.move_level", "只能迁移到上一层级的区划下。");
}
