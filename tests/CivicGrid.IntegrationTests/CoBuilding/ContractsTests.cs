using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using static CivicGrid.IntegrationTests.CoBuilding.CoBuildingWorld;

namespace CivicGrid.IntegrationTests.CoBuilding;

/// <summary>Co-building contracts: at least one per pair and half-year; the report names the pairs behind.</summary>
public sealed class ContractsTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task The_report_lists_the_pairs_without_a_contract_in_the_current_half_year(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider)); // the clock stands at 23 November 2026: the second half
        var community = w.District.CommunityA.AreaCode;
        async Task Sign(Guid unit, string on) => await Ok<object>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/contracts",
            new { communityCode = community, unitId = unit, title = "共建契约", terms = "每季度开展一次联合活动", signedOn = on }));
        await Sign(w.Unit1.Id, "2026-08-01");
        await Sign(w.Unit2.Id, "2026-03-15"); // the first half: does not count now

        var report = await w.CommunityA.Get<BehindDto>("/api/cobuilding/contracts/behind");
        Assert.Equal("2026H2", report.Half);
        Assert.Equal(2, report.Pairs);
        var behind = Assert.Single(report.Behind);
        Assert.Equal((w.Unit2.Id, new DateOnly(2026, 3, 15)), (behind.UnitId, behind.LastSignedOn));
        // In the first half it was the other way round.
        Assert.Equal(w.Unit1.Id, Assert.Single((await w.CommunityA.Get<BehindDto>("/api/cobuilding/contracts/behind?half=2026H1")).Behind).UnitId);

        // Signing brings the pair up to date.
        await Sign(w.Unit2.Id, "2026-11-20");
        Assert.Empty((await w.CommunityA.Get<BehindDto>("/api/cobuilding/contracts/behind")).Behind);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Contracts_are_for_paired_units_and_the_report_follows_scope(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var notPaired = await w.CommunityA.PostAsJsonAsync("/api/cobuilding/contracts",
            new { communityCode = w.District.CommunityA.AreaCode, unitId = w.Unit4.Id, title = "共建契约", signedOn = "2026-09-01" });
        Assert.Equal("cobuilding.not_paired", await notPaired.ProblemCode());
        var outside = await w.CommunityB.PostAsJsonAsync("/api/cobuilding/contracts",
            new { communityCode = w.District.CommunityA.AreaCode, unitId = w.Unit1.Id, title = "共建契约", signedOn = "2026-09-01" });
        Assert.Equal("cobuilding.outside_scope", await outside.ProblemCode());

        Assert.Equal(0, (await w.CommunityB.Get<BehindDto>("/api/cobuilding/contracts/behind")).Pairs);
        Assert.Equal(2, (await w.Street1.Get<BehindDto>("/api/cobuilding/contracts/behind")).Pairs);
        // A unit sees its own pair only.
        var own = await w.U2.Get<BehindDto>("/api/cobuilding/contracts/behind");
        Assert.Equal(w.Unit2.Id, Assert.Single(own.Behind).UnitId);
    }
}
