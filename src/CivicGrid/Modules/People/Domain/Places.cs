using CivicGrid.Shared;

namespace CivicGrid.Modules.People.Domain;

/// <summary>A residential compound (小区) inside a grid.</summary>
public sealed class Compound : IScoped
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>The property company (物业服务企业) managing it, an organisation.</summary>
    public Guid? PropertyCompanyId { get; set; }
}

/// <summary>A building (楼栋) with its units (单元) and rooms; a building leader serves ~80–100 households.</summary>
public sealed class Building : IScoped
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public Guid? CompoundId { get; set; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public int Floors { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
}

/// <summary>A household (房屋/户): one room of a building, the unit residents belong to.</summary>
public sealed class Household : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public Guid? BuildingId { get; set; }
    public string UnitNo { get; set; } = "";
    public string RoomNo { get; set; } = "";
    public string Address { get; set; } = "";
    /// <summary>Empty house (空置房): used by base-data cross-check.</summary>
    public bool Vacant { get; set; }
    public int Version { get; set; }
}

/// <summary>Vehicle (车辆) registered in the area.</summary>
public sealed class Vehicle : IScoped
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public string PlateNumber { get; set; } = "";
    public Guid? OwnerResidentId { get; set; }
    public string Kind { get; set; } = "小型汽车";
}

public enum OrganisationKind
{
    Agency = 1,          // 机关
    Enterprise = 2,      // 企业
    SocialOrganisation = 3, // 社会组织
    NewEconomy = 4,      // 新业态 (courier stations, ride platforms)
    Department = 5,      // 职能部门 (城管、住建、公安…)
    PropertyCompany = 6, // 物业服务企业
    School = 7,
    Hospital = 8,
}

/// <summary>A unit (单位) located in an area: agency, enterprise, social organisation, new-economy business, department…</summary>
public sealed class Organisation : IScoped
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public string Name { get; set; } = "";
    public OrganisationKind Kind { get; set; }
    /// <summary>统一社会信用代码, when known.</summary>
    public string? CreditCode { get; set; }
    public string Address { get; set; } = "";
    /// <summary>What the unit answers for (城管, 物业, 供电…; see Cases/Catalog/UnitDuties): cases of that duty are dispatched to it.</summary>
    public string? Duty { get; set; }
}

public enum PartyOrganisationLevel
{
    StreetWorkingCommittee = 1,   // 街道党工委
    CommunityCommittee = 2,       // 社区党委(总支)
    GridBranch = 3,               // 网格党支部
    BuildingGroup = 4,            // 楼院党小组
    MemberHousehold = 5,          // 党员中心户
}

/// <summary>A node of the party organisation tree (党组织), linked to the area it covers.</summary>
public sealed class PartyOrganisation : IScoped
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public string Name { get; set; } = "";
    public PartyOrganisationLevel Level { get; set; }
    public Guid? ParentId { get; set; }
}

/// <summary>A party member (党员): belongs to one organisation; in-service members (在职党员) also register where they live.</summary>
public sealed class PartyMember : IScoped
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public Guid PartyOrganisationId { get; set; }
    public Guid? ResidentId { get; set; }
    public string Name { get; set; } = "";
    public bool InService { get; set; }
    public Guid? EmployerId { get; set; }
    public DateOnly? JoinedOn { get; set; }
}
