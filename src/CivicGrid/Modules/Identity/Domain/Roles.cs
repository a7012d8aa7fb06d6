namespace CivicGrid.Modules.Identity.Domain;

using static Permissions;

/// <summary>The roles of DOMAIN.md §1, each a fixed set of permissions. What data a role reaches is the account's scope, not the role.</summary>
public static class Roles
{
    public const string Admin = "admin";                      // 系统管理员
    public const string Leader = "leader";                    // 市/区领导、组织部
    public const string DistrictStaff = "district_staff";     // 区级指挥中心 (区社会治理指挥中心): where 上提一级 ends
    public const string StreetStaff = "street_staff";         // 街道工作人员
    public const string CommunityStaff = "community_staff";   // 社区工作者
    public const string GridWorker = "grid_worker";           // 网格员
    public const string BuildingLeader = "building_leader";   // 楼栋长、党员中心户
    public const string DepartmentStaff = "department_staff"; // 职能部门
    public const string CoBuildingUnit = "cobuilding_unit";   // 驻区单位、"双报到"单位
    public const string Volunteer = "volunteer";              // 在职党员、志愿者
    public const string PropertyCompany = "property_company"; // 物业服务企业
    public const string Resident = "resident";                // 居民
    public const string Merchant = "merchant";                // 合作商户 (redeems points codes; scope = its unit)

    public sealed record RoleDefinition(string Name, string ChineseName, string EnglishName, string[] Permissions);

    public static readonly IReadOnlyList<RoleDefinition> Definitions =
    [
        new(Admin, "系统管理员", "Platform admin", Permissions.All),
        new(Leader, "市/区领导", "City / district leader",
            [Areas.View, People.View, People.Export, Cases.View, Cases.Supervise, Cases.Figures, CoBuilding.View, Self]),
        // DOMAIN.md §3: a case is lifted grid → community → street → district. The district's command centre takes
        // what a street cannot solve: it dispatches or whistles the district's departments, supervises and verifies.
        new(DistrictStaff, "区级指挥中心", "District command centre",
            [Areas.View, People.View, Cases.Report, Cases.View, Cases.Dispatch, Cases.Whistle, Cases.Verify, Cases.Supervise,
             Cases.Figures, CoBuilding.View, Self]),
        new(StreetStaff, "街道工作人员", "Street staff",
            [Areas.View, Areas.Manage, People.View, People.Manage, People.Reveal, People.Import, People.Export,
             Cases.Report, Cases.View, Cases.Dispatch, Cases.Whistle, Cases.Verify, Cases.Supervise, Cases.Figures,
             CoBuilding.View, CoBuilding.Manage, CoBuilding.Publish, Points.Manage, Volunteering.Manage, Self]),
        new(CommunityStaff, "社区工作者", "Community staff",
            [Areas.View, Areas.Manage, People.View, People.Manage, People.Reveal, People.Import, People.Export,
             Cases.Report, Cases.View, Cases.Dispatch, Cases.Handle, Cases.Verify, Cases.Figures,
             CoBuilding.View, CoBuilding.Manage, CoBuilding.Publish, Points.Manage, Volunteering.Manage, Self]),
        new(GridWorker, "网格员", "Grid worker",
            [Areas.View, People.View, People.Manage, People.Reveal, Cases.Report, Cases.View, Cases.OnTheSpot, Cases.Verify,
             CoBuilding.View, CoBuilding.Publish, Self]),
        new(BuildingLeader, "楼栋长", "Building leader", [Areas.View, People.View, Cases.Report, Points.Redeem, Volunteering.Serve, Self]),
        new(DepartmentStaff, "职能部门", "Department staff", [Areas.View, Cases.View, Cases.Handle, Cases.Figures, Self]),
        new(CoBuildingUnit, "共建单位", "Co-building unit", [Cases.View, Cases.Handle, CoBuilding.View, CoBuilding.Take, Volunteering.Serve, Self]),
        new(Volunteer, "志愿者", "Volunteer", [Cases.Report, Points.Redeem, Volunteering.Serve, Self]),
        new(PropertyCompany, "物业服务企业", "Property company", [Areas.View, Cases.View, Cases.Handle, Self]),
        new(Resident, "居民", "Resident", [Cases.Report, Points.Redeem, Self]),
        new(Merchant, "合作商户", "Partner merchant", [Points.Honour, Self]),
    ];

    public static RoleDefinition? Find(string name) => Definitions.FirstOrDefault(d => d.Name == name);
}
