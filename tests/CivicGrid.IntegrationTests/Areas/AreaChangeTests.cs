using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Areas;

public sealed class AreaChangeTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Create_under_own_community_and_not_under_another(DatabaseProvider provider)
    {
        var (_, d, client) = await Arrange(provider);
        var created = await client.PostAsJsonAsync("/api/areas", new { code = d.CommunityA.AreaCode + "099", name = "新建网格" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var duplicate = await client.PostAsJsonAsync("/api/areas", new { code = d.CommunityA.AreaCode + "099", name = "重复" });
        Assert.Equal("area.code_taken", await duplicate.ProblemCode());
        var foreign = await client.PostAsJsonAsync("/api/areas", new { code = d.CommunityB.AreaCode + "099", name = "越权" });
        Assert.Equal("area.parent_missing", await foreign.ProblemCode());
        var invalid = await client.PostAsJsonAsync("/api/areas", new { code = "12345", name = "坏代码" });
        Assert.Equal("area.code_invalid", await invalid.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Rename_with_a_stale_version_is_409_and_changes_nothing(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider);
        var grid = d.GridsOf(d.CommunityA).First();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PutAsJsonAsync($"/api/areas/{grid.AreaCode}/name", new { name = "一号网格", version = 0 })).StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/areas/{grid.AreaCode}/name", new { name = "迟到的改名", version = 0 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale", await stale.ProblemCode());
        await using var db = app.Db();
        Assert.Equal("一号网格", (await db.Areas.SingleAsync(a => a.AreaCode == grid.AreaCode)).Name);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Retire_refuses_a_community_with_active_grids(DatabaseProvider provider)
    {
        var (_, d, _) = await Arrange(provider);
        var app = await apps.For(provider);
        var street = await app.ClientFor(await A.Account(app, Roles.StreetStaff, A.AreaScope(d.Street1)));
        var response = await street.PostAsJsonAsync($"/api/areas/{d.CommunityA.AreaCode}/retire", new { version = 0 });
        Assert.Equal("area.has_children", await response.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Move_a_grid_recodes_its_people_and_places(DatabaseProvider provider)
    {
        var (app, d, _) = await Arrange(provider);
        var street = await app.ClientFor(await A.Account(app, Roles.StreetStaff, A.AreaScope(d.Street1)));
        var grid = d.GridsOf(d.CommunityA).Last();
        var newCode = d.CommunityB.AreaCode + "050";
        var response = await street.PostAsJsonAsync($"/api/areas/{grid.AreaCode}/move", new { newCode, version = 0 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = app.Db();
        var moved = await db.Areas.SingleAsync(a => a.Id == grid.Id);
        Assert.Equal(newCode, moved.AreaCode);
        Assert.Equal(d.CommunityB.AreaCode, moved.ParentCode);
        var residentIds = d.ResidentsOf(grid).Select(r => r.Entity.Id).ToList();
        Assert.All(await db.Residents.Where(r => residentIds.Contains(r.Id)).ToListAsync(), r => Assert.Equal(newCode, r.AreaCode));
        Assert.False(await db.Households.AnyAsync(h => h.AreaCode == grid.AreaCode));

        // The community A worker no longer sees those residents; community B's worker does.
        var workerB = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityB)));
        Assert.Equal(HttpStatusCode.OK, await workerB.StatusOf(HttpMethod.Get, $"/api/residents/{residentIds[0]}"));
        var workerA = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA)));
        Assert.Equal(HttpStatusCode.NotFound, await workerA.StatusOf(HttpMethod.Get, $"/api/residents/{residentIds[0]}"));
    }

    async Task<(TestApp, TestDistrict, HttpClient)> Arrange(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        return (app, d, await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA))));
    }
}
