using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using System.Net;

namespace CivicGrid.IntegrationTests.Areas;

public sealed class LocateTests(Apps apps) : IClassFixture<Apps>
{
    sealed record LocateDto(bool Inside, string? GridCode, string? GridName, string? CommunityCode, string? Message);

    [Theory, OnSqlite, OnPostgres]
    public async Task Point_inside_a_grid_names_it_and_its_community(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var client = await app.ClientFor(await A.Account(app, Roles.GridWorker, A.AreaScope(d.CommunityA)));
        foreach (var grid in d.Grids)
        {
            var c = grid.Boundary!.InteriorPoint.Coordinate;
            var found = await client.Get<LocateDto>($"/api/areas/locate?lon={c.X}&lat={c.Y}");
            Assert.True(found.Inside);
            Assert.Equal(grid.AreaCode, found.GridCode);
            Assert.Equal(grid.ParentCode, found.CommunityCode);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Point_outside_every_grid_is_an_answer_not_an_error(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var client = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA)));
        var found = await client.Get<LocateDto>($"/api/areas/locate?lon={d.Bounds.MinX - 0.3}&lat={d.Bounds.MinY - 5}");
        Assert.False(found.Inside);
        Assert.Null(found.GridCode);
        Assert.False(string.IsNullOrEmpty(found.Message));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Invalid_coordinates_are_a_problem_with_a_code(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var client = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA)));
        var response = await client.GetAsync("/api/areas/locate?lon=200&lat=10");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("area.point_invalid", await response.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Retired_grid_no_longer_takes_points(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var client = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA)));
        var grid = d.GridsOf(d.CommunityA).First();
        var response = await client.PostAsync($"/api/areas/{grid.AreaCode}/retire", System.Net.Http.Json.JsonContent.Create(new { version = 0 }));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var c = grid.Boundary!.InteriorPoint.Coordinate;
        Assert.False((await client.Get<LocateDto>($"/api/areas/locate?lon={c.X}&lat={c.Y}")).Inside);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_resident_placing_a_report_may_locate_a_point_but_a_role_without_reporting_or_areas_may_not(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var grid = d.GridsOf(d.CommunityB).First();
        var c = grid.Boundary!.InteriorPoint.Coordinate;
        var resident = await app.ClientFor(await A.Account(app, Roles.Resident, A.SelfScope(d.Residents[0].Entity)));
        var found = await resident.Get<LocateDto>($"/api/areas/locate?lon={c.X}&lat={c.Y}");
        Assert.True(found.Inside);
        Assert.Equal(grid.AreaCode, found.GridCode);

        var unit = await app.ClientFor(await A.Account(app, Roles.CoBuildingUnit, A.UnitScope(Guid.NewGuid())));
        Assert.Equal(HttpStatusCode.Forbidden, await unit.StatusOf(HttpMethod.Get, $"/api/areas/locate?lon={c.X}&lat={c.Y}"));
    }
}
