using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>The duplicate hint at intake (FindDuplicates.NearbyAsync, shared by the route and the intake page).</summary>
public sealed class FindDuplicatesTests(Apps apps) : IClassFixture<Apps>
{
    sealed record NearbyDto(Guid? Id, string? Number, CaseStatus Status, int DistanceMeters, string? Description);

    [Theory, OnSqlite, OnPostgres]
    public async Task Open_cases_of_the_same_item_nearby_are_hinted_staff_see_which_and_residents_only_that(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync(body: w.Report("小区门口井盖破损"));
        string Url(string item, double north) =>
            FormattableString.Invariant($"/api/cases/duplicates?item={item}&lon={w.Point.Lon}&lat={w.Point.Lat + north}");

        var staff = await w.CommunityA.Get<List<NearbyDto>>(Url(w.Item.Code, 0.0004)); // about 45 m north
        var hint = Assert.Single(staff);
        Assert.Equal((c.Case.Id, c.Case.Number, "小区门口井盖破损"), (hint.Id, hint.Number, hint.Description));
        Assert.InRange(hint.DistanceMeters, 40, 50);

        var resident = Assert.Single(await w.OtherResident.Get<List<NearbyDto>>(Url(w.Item.Code, 0.0004)));
        Assert.Equal((null, null, null, CaseStatus.Reported), (resident.Id, resident.Number, resident.Description, resident.Status));

        Assert.Empty(await w.CommunityA.Get<List<NearbyDto>>(Url(w.Item.Code, 0.003))); // about 330 m: another place
        Assert.Empty(await w.CommunityA.Get<List<NearbyDto>>(Url("0000", 0)));           // another matter
        Assert.Empty(await w.CommunityB.Get<List<NearbyDto>>(Url(w.Item.Code, 0)));      // staff see their own scope

        await Move(w.CommunityA, c.Case.Id, "reject", new { comment = "已由物业处理" });
        Assert.Empty(await w.CommunityA.Get<List<NearbyDto>>(Url(w.Item.Code, 0)));      // only open cases
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_radius_and_the_period_are_configured(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string>
        {
            ["Cases:DuplicateRadiusMeters"] = "400", ["Cases:DuplicateDays"] = "2",
        });
        var w = await CaseWorld.CreateAsync(app);
        var early = await w.ReportAsync(body: w.Report("路灯不亮（三天前）"));
        app.Clock.Advance(TimeSpan.FromDays(3)); // the world's sign-ins have expired: sign in afresh
        var resident = await app.ClientFor(await A.Account(app, Roles.Resident));
        var community = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(w.District.CommunityA)));
        var recent = await w.ReportAsync(resident, w.Report("路灯不亮（今天）"));
        string Url(double north) => FormattableString.Invariant($"/api/cases/duplicates?item={w.Item.Code}&lon={w.Point.Lon}&lat={w.Point.Lat + north}");

        // About 330 m away: beyond the default 150 m, inside the configured 400 m; only the case of the last two days.
        var hint = Assert.Single(await community.Get<List<NearbyDto>>(Url(0.003)));
        Assert.Equal(recent.Case.Id, hint.Id);
        Assert.NotEqual(early.Case.Id, hint.Id);
        Assert.Empty(await community.Get<List<NearbyDto>>(Url(0.0045))); // about 500 m
    }
}
