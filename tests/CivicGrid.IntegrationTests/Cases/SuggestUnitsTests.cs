using System.Net;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>Dispatch targets (SuggestUnits.ForCaseAsync, shared by the route and the console's dispatch dialog).</summary>
public sealed class SuggestUnitsTests(Apps apps) : IClassFixture<Apps>
{
    sealed record UnitDto(Guid Id, string Name, string? Duty, string Fit);

    [Theory, OnSqlite, OnPostgres]
    public async Task The_item_lead_duty_comes_first_then_its_cooperating_duty_then_the_other_units_of_the_district(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var id = (await w.ReportAsync()).Case.Id;

        var units = await w.CommunityA.Get<List<UnitDto>>($"/api/cases/{id}/units");
        Assert.Equal((w.Cityscape.Id, "lead"), (units[0].Id, units[0].Fit));
        Assert.Equal((w.Housing.Id, "cooperating"), (units[1].Id, units[1].Fit));
        Assert.All(units.Skip(2), u => Assert.Equal("other", u.Fit));
        Assert.Equal(units.Count, units.Select(u => u.Id).Distinct().Count());

        Assert.Equal(HttpStatusCode.Forbidden, await w.CityscapeStaff.StatusOf(HttpMethod.Get, $"/api/cases/{id}/units")); // handlers do not dispatch
        Assert.Equal(HttpStatusCode.NotFound, await w.CommunityB.StatusOf(HttpMethod.Get, $"/api/cases/{id}/units"));
    }
}
