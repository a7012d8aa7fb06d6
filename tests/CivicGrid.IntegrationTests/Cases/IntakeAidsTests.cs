using System.Net;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>What helps people around the loop: the duplicate hint, notices, and whom to dispatch to.</summary>
public sealed class IntakeAidsTests(Apps apps) : IClassFixture<Apps>
{
    public sealed record NearbyDto(Guid? Id, string? Number, CaseStatus Status, int DistanceMeters, string? Description);
    public sealed record NoticeDto(long Id, Guid CaseId, string CaseNumber, NoticeKind Kind, string Text, bool Read);
    public sealed record UnitDto(Guid Id, string Name, string? Duty, string Fit);

    [Theory, OnSqlite, OnPostgres]
    public async Task The_duplicate_hint_shows_staff_the_cases_and_residents_only_how_many(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var first = await w.ReportAsync(body: w.Report("单元门口堆满建筑垃圾，住户王某家装修"));
        var here = $"item={w.Item.Code}&lon={w.Point.Lon}&lat={w.Point.Lat}";

        var forStaff = await w.CommunityA.Get<List<NearbyDto>>($"/api/cases/duplicates?{here}");
        var mine = Assert.Single(forStaff);
        Assert.Equal(first.Case.Id, mine.Id);
        Assert.Contains("王某", mine.Description);

        var forResident = Assert.Single(await w.OtherResident.Get<List<NearbyDto>>($"/api/cases/duplicates?{here}"));
        Assert.Null(forResident.Id);
        Assert.Null(forResident.Number);
        Assert.Null(forResident.Description);
        Assert.Equal(CaseStatus.Reported, forResident.Status);

        // 0.005° east is ~480 m away: not a duplicate. Another item is not either.
        Assert.Empty(await w.CommunityA.Get<List<NearbyDto>>($"/api/cases/duplicates?item={w.Item.Code}&lon={w.Point.Lon + 0.005}&lat={w.Point.Lat}"));
        Assert.Empty(await w.CommunityA.Get<List<NearbyDto>>($"/api/cases/duplicates?item=0000&lon={w.Point.Lon}&lat={w.Point.Lat}"));
        // Another community's staff do not see the case itself.
        Assert.Empty(await w.CommunityB.Get<List<NearbyDto>>($"/api/cases/duplicates?{here}"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_reporter_and_the_unit_hear_of_their_steps_and_can_mark_them_read(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.DispatchedAsync();

        var resident = await w.Resident.Get<List<NoticeDto>>("/api/cases/notices");
        Assert.Equal(["已派至测试综合行政执法局办理", "您反映的问题已受理"], resident.Select(n => n.Text));
        var unit = Assert.Single(await w.CityscapeStaff.Get<List<NoticeDto>>("/api/cases/notices"));
        Assert.Equal((NoticeKind.NewInQueue, c.Case.Id), (unit.Kind, unit.CaseId));
        Assert.Empty(await w.HousingStaff.Get<List<NoticeDto>>("/api/cases/notices"));
        Assert.Empty(await w.OtherResident.Get<List<NoticeDto>>("/api/cases/notices"));

        Assert.Equal(HttpStatusCode.NoContent, await w.Resident.StatusOf(HttpMethod.Post, "/api/cases/notices/read"));
        Assert.Empty(await w.Resident.Get<List<NoticeDto>>("/api/cases/notices?unreadOnly=true"));
        Assert.Single(await w.CityscapeStaff.Get<List<NoticeDto>>("/api/cases/notices?unreadOnly=true"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Dispatch_suggestions_put_the_lead_duty_first_then_the_cooperating_duties(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync();
        var units = await w.CommunityA.Get<List<UnitDto>>($"/api/cases/{c.Case.Id}/units");
        Assert.Equal((w.Cityscape.Id, "lead"), (units[0].Id, units[0].Fit));
        Assert.Equal((w.Housing.Id, "cooperating"), (units[1].Id, units[1].Fit));
        Assert.Equal(HttpStatusCode.Forbidden, await w.CityscapeStaff.StatusOf(HttpMethod.Get, $"/api/cases/{c.Case.Id}/units"));
        Assert.Equal(HttpStatusCode.NotFound, await w.CommunityB.StatusOf(HttpMethod.Get, $"/api/cases/{c.Case.Id}/units"));
    }
}
