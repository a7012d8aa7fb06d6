using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Persistence.Demo;

/// <summary>One demo account per role (README lists them), all with the password <see cref="DemoData.Password"/>.</summary>
static class DemoAccounts
{
    public sealed record Spec(string UserName, string DisplayName, string Role, AccountScope[] Scopes);

    /// <summary>The demo Open311 client's channel account (appsettings.json Open311:Clients): no password.</summary>
    public const string ChannelAccount = "open311_demo";

    public static async Task<int> CreateAsync(IServiceProvider services, CivicGridDbContext db, List<Area> streets, List<Area> communities,
        List<Area> grids, List<Organisation> departments, List<Organisation> propertyCompanies, List<Organisation> units,
        Resident resident, Resident volunteer, CancellationToken ct)
    {
        var street1 = streets[0];
        var street2 = streets[1];
        var c1 = communities.First(c => c.ParentCode == street1.AreaCode);
        var c2 = communities.Where(c => c.ParentCode == street1.AreaCode).Skip(1).First();
        var c3 = communities.First(c => c.ParentCode == street2.AreaCode);
        var grid1 = grids.First(g => g.ParentCode == c1.AreaCode);
        var cg = departments[0];
        var zj = departments[1];
        Guid Committee(Area community) => units.Single(u => u.AreaCode == community.AreaCode && u.Duty == "社区").Id;
        var enterprise = units.First(u => u.Kind == OrganisationKind.Enterprise);

        static AccountScope Area(string code) => new() { Kind = ScopeKind.Area, AreaCode = code };
        static AccountScope Unit(Guid id) => new() { Kind = ScopeKind.Unit, UnitId = id };
        static AccountScope Self(Guid id) => new() { Kind = ScopeKind.Self, ResidentId = id };

        Spec[] specs =
        [
            new("admin", "系统管理员", Roles.Admin, []),
            new("leader", "区委组织部 李部长", Roles.Leader, [Area(DemoData.DistrictCode)]),
            new("district1", "区社会治理指挥中心 钱主任", Roles.DistrictStaff, [Area(DemoData.DistrictCode)]),
            new("street1", $"{street1.Name} 王干事", Roles.StreetStaff, [Area(street1.AreaCode)]),
            new("street2", $"{street2.Name} 赵干事", Roles.StreetStaff, [Area(street2.AreaCode)]),
            new("community1", $"{c1.Name} 张书记", Roles.CommunityStaff, [Area(c1.AreaCode), Unit(Committee(c1))]),
            new("community2", $"{c2.Name} 刘主任", Roles.CommunityStaff, [Area(c2.AreaCode), Unit(Committee(c2))]),
            new("community3", $"{c3.Name} 陈社工", Roles.CommunityStaff, [Area(c3.AreaCode), Unit(Committee(c3))]),
            new("grid1", $"{grid1.Name} 网格员 孙明", Roles.GridWorker, [Area(grid1.AreaCode)]),
            new("building1", $"{grid1.Name} 楼栋长 周华", Roles.BuildingLeader, [Area(grid1.AreaCode)]),
            // DOMAIN.md §1: a department sees the cases dispatched to it, not the district's.
            new("dept_cg", $"{cg.Name} 执法队", Roles.DepartmentStaff, [Unit(cg.Id)]),
            new("dept_zj", $"{zj.Name} 物业科", Roles.DepartmentStaff, [Unit(zj.Id)]),
            new("unit1", $"{enterprise.Name} 党建联络员", Roles.CoBuildingUnit, [Unit(enterprise.Id)]),
            new("volunteer1", $"志愿者 {volunteer.Name}", Roles.Volunteer, [Self(volunteer.Id)]),
            new("property1", $"{propertyCompanies[0].Name} 客服", Roles.PropertyCompany, [Unit(propertyCompanies[0].Id)]),
            new("resident1", $"居民 {resident.Name}", Roles.Resident, [Self(resident.Id)]),
            // The channel account of the demo Open311 client (appsettings.json Open311:Clients): a reporter that reaches nothing else.
            new(ChannelAccount, "第三方应用（Open311 演示）", Roles.Resident, []),
        ];

        var users = services.GetRequiredService<UserManager<Account>>();
        foreach (var spec in specs)
        {
            var account = new Account { Id = Guid.NewGuid(), UserName = spec.UserName, DisplayName = spec.DisplayName };
            // A channel account files through its api_key only: with a password, whoever held it could sign in and read
            // the names of every reporter its app passed on (its "my cases" list).
            var result = spec.UserName == ChannelAccount ? await users.CreateAsync(account) : await users.CreateAsync(account, DemoData.Password);
            if (!result.Succeeded) throw new InvalidOperationException($"Demo account {spec.UserName}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
            await users.AddToRoleAsync(account, spec.Role);
            foreach (var scope in spec.Scopes) { scope.Id = Guid.NewGuid(); scope.AccountId = account.Id; db.AccountScopes.Add(scope); }
        }
        await db.SaveChangesAsync(ct);
        return specs.Length;
    }
}
