using System.Net;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using MiniExcelLibs;

namespace CivicGrid.IntegrationTests.Identity;

/// <summary>
/// DOMAIN.md §1: every query is limited to the caller's subtree; outside it is a 404. For each role, another community's
/// residents, households and grids are invisible through every list, detail, search and export endpoint — and the
/// caller's own are visible, so a filter that hides everything fails too.
/// </summary>
public sealed class DataScopeTests(Apps apps) : IClassFixture<Apps>
{

    [Theory, OnSqlite, OnPostgres]
    public async Task Community_staff_sees_own_community_only(DatabaseProvider provider)
    {
        var (app, d) = await Arrange(provider);
        var user = await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA));
        await AssertScope(app, user, visible: d.CommunityA, invisible: [d.CommunityB, d.CommunityC], d);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Grid_worker_sees_own_grid_only(DatabaseProvider provider)
    {
        var (app, d) = await Arrange(provider);
        var grid = d.GridsOf(d.CommunityA).First();
        var user = await A.Account(app, Roles.GridWorker, A.AreaScope(grid));
        await AssertScope(app, user, visible: grid, invisible: [.. d.GridsOf(d.CommunityA).Skip(1), d.CommunityB, d.CommunityC], d, canExport: false);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Building_leader_sees_own_grid_only(DatabaseProvider provider)
    {
        var (app, d) = await Arrange(provider);
        var grid = d.GridsOf(d.CommunityB).Last();
        var user = await A.Account(app, Roles.BuildingLeader, A.AreaScope(grid));
        await AssertScope(app, user, visible: grid, invisible: [d.CommunityA, .. d.GridsOf(d.CommunityB).SkipLast(1), d.CommunityC], d, canExport: false, canReveal: false);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Street_staff_sees_own_street_only(DatabaseProvider provider)
    {
        var (app, d) = await Arrange(provider);
        var user = await A.Account(app, Roles.StreetStaff, A.AreaScope(d.Street1));
        await AssertScope(app, user, visible: d.Street1, invisible: [d.CommunityC], d);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task District_leader_sees_own_district_not_another(DatabaseProvider provider)
    {
        var (app, d) = await Arrange(provider);
        var other = await A.District(app);
        var district = new Area { AreaCode = d.Code, Level = AreaLevel.District };
        var user = await A.Account(app, Roles.Leader, A.AreaScope(district));
        await AssertScope(app, user, visible: district, invisible: [other.Street1, other.Street2], d, canReveal: false, others: other);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Resident_sees_own_household_only(DatabaseProvider provider)
    {
        var (app, d) = await Arrange(provider);
        var me = d.Residents[0];
        var user = await A.Account(app, Roles.Resident, A.SelfScope(me.Entity));
        var client = await app.ClientFor(user);

        var mine = await client.Get<HouseholdDetailDto>("/api/me/household");
        Assert.Equal(me.Entity.HouseholdId, mine.Household.Id);
        Assert.Contains(mine.Members, m => m.Id == me.Entity.Id);
        Assert.All(mine.Members, m => Assert.Equal(me.Entity.HouseholdId, m.HouseholdId));
        // Staff lists are not for residents at all, and another household is not there.
        Assert.Equal(HttpStatusCode.Forbidden, await client.StatusOf(HttpMethod.Get, "/api/residents"));
        Assert.Equal(HttpStatusCode.Forbidden, await client.StatusOf(HttpMethod.Get, $"/api/households/{d.Households[1].Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, await client.StatusOf(HttpMethod.Get, $"/api/areas/{d.CommunityA.AreaCode}"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Department_staff_and_units_reach_no_residents(DatabaseProvider provider)
    {
        var (app, d) = await Arrange(provider);
        foreach (var role in new[] { Roles.DepartmentStaff, Roles.CoBuildingUnit, Roles.PropertyCompany, Roles.Volunteer })
        {
            var client = await app.ClientFor(await A.Account(app, role, A.UnitScope(Guid.NewGuid())));
            Assert.Equal(HttpStatusCode.Forbidden, await client.StatusOf(HttpMethod.Get, "/api/residents"));
            Assert.Equal(HttpStatusCode.Forbidden, await client.StatusOf(HttpMethod.Get, "/api/households"));
            Assert.Equal(HttpStatusCode.Forbidden, await client.StatusOf(HttpMethod.Get, "/api/residents/export.xlsx"));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOf(HttpMethod.Get, "/api/me/household"));
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Anonymous_callers_get_401(DatabaseProvider provider)
    {
        var (app, d) = await Arrange(provider);
        var client = app.CreateClient();
        foreach (var url in new[] { "/api/residents", "/api/households", $"/api/areas/{d.CommunityA.AreaCode}", "/api/areas/tree", "/api/areas/locate?lon=1&lat=1" })
            Assert.Equal(HttpStatusCode.Unauthorized, await client.StatusOf(HttpMethod.Get, url));
    }

    async Task<(TestApp, TestDistrict)> Arrange(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        return (app, await A.District(app));
    }

    /// <summary>Checks every list, detail, search and export endpoint for the visible subtree and the invisible ones.</summary>
    static async Task AssertScope(TestApp app, string user, Area visible, Area[] invisible, TestDistrict d,
        bool canExport = true, bool canReveal = true, TestDistrict? others = null)
    {
        var o = others ?? d;
        var client = await app.ClientFor(user);
        var seen = d.ResidentsOf(visible).ToList();
        Assert.NotEmpty(seen);

        // Area tree and details.
        var roots = await client.Get<List<NodeDto>>("/api/areas/tree");
        Assert.Equal([visible.AreaCode], roots.Select(r => r.Code));
        Assert.Equal(seen.Count, roots[0].Counts.Residents);
        Assert.Equal(HttpStatusCode.OK, await client.StatusOf(HttpMethod.Get, $"/api/areas/{visible.AreaCode}"));
        foreach (var area in invisible)
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOf(HttpMethod.Get, $"/api/areas/{area.AreaCode}"));
            Assert.Empty(await client.Get<List<NodeDto>>($"/api/areas/tree?parent={area.AreaCode}"));
            if (area.Level == AreaLevel.Community)
                Assert.Equal(HttpStatusCode.NotFound, await client.StatusOf(HttpMethod.Get, $"/api/areas/{area.AreaCode}/grids.geojson"));
        }

        // Resident list, search by name / full ID / phone, detail, reveal; households list and detail.
        var list = await client.Get<PagedDto<ResidentDto>>("/api/residents?pageSize=200");
        Assert.Equal(seen.Select(r => r.Entity.Id).Order(), list.Items.Select(r => r.Id).Order());
        var households = await client.Get<PagedDto<HouseholdDto>>("/api/households?pageSize=200");
        Assert.All(households.Items, h => Assert.StartsWith(visible.Code.Prefix, h.AreaCode));
        Assert.NotEmpty(households.Items);
        foreach (var other in invisible.SelectMany(o.ResidentsOf))
        {
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOf(HttpMethod.Get, $"/api/residents/{other.Entity.Id}"));
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOf(HttpMethod.Get, $"/api/households/{other.Entity.HouseholdId}"));
            Assert.Equal(canReveal ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden,
                await client.StatusOf(HttpMethod.Post, $"/api/residents/{other.Entity.Id}/reveal", new { reason = "test" }));
            Assert.Equal(0, (await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={other.IdCard}")).Total);
            Assert.Equal(0, (await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={other.Phone}")).Total);
            Assert.Equal(0, (await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={Uri.EscapeDataString(other.Entity.Name)}")).Total);
            Assert.Equal(0, (await client.Get<PagedDto<ResidentDto>>($"/api/residents?areaCode={other.Entity.AreaCode}")).Total);
        }
        // Units, party organisations and members, vehicles: only inside the visible subtree.
        foreach (var url in new[] { "/api/organisations", "/api/party-organisations", "/api/party-members", "/api/vehicles" })
        {
            using var page = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(url + "?pageSize=200"));
            var codes = page.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("areaCode").GetString()!).ToList();
            Assert.All(codes, c => Assert.StartsWith(visible.Code.Prefix, c));
            if (visible.Level <= AreaLevel.Community) Assert.NotEmpty(codes);
        }

        var mine = seen[0];
        Assert.Equal(1, (await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={mine.IdCard}")).Total);

        // Export: the same rows as the list, never another community's.
        var export = await client.GetAsync("/api/residents/export.xlsx");
        if (!canExport) { Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode); return; }
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = (await export.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(seen.Select(r => r.Entity.Name).Order(), rows.Select(r => (string)r["姓名"]).Order());

        // Every other list's export holds only the visible subtree too.
        foreach (var (url, column) in new[] { ("/api/households/export.xlsx", "网格代码"), ("/api/buildings/export.xlsx", "网格代码"), ("/api/organisations/export.xlsx", "区划代码"),
                     ("/api/party-members/export.xlsx", "区划代码"), ("/api/vehicles/export.xlsx", "区划代码") })
        {
            var sheet = (await (await client.GetAsync(url)).Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.All(sheet, r => Assert.StartsWith(visible.Code.Prefix, (string)r[column]));
            if (url.Contains("households")) Assert.Equal(households.Total, sheet.Count);
        }
    }
}
