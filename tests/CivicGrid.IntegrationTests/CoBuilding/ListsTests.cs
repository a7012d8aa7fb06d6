using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Persistence;
using static CivicGrid.IntegrationTests.CoBuilding.CoBuildingWorld;

namespace CivicGrid.IntegrationTests.CoBuilding;

/// <summary>The three lists' resources and needs: matching, claims and their decisions, and who sees what.</summary>
public sealed class ListsTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Matching_suggests_same_category_resources_near_and_available_best_first(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var now = w.App.Clock.GetUtcNow();
        var (lon, lat) = Centre(w.GridA1);
        var need = await w.NeedAsync("venue", NeedUrgency.High); // horizon 7 days
        var nearNow = await ResourceAsync(w.U1, "venue", lon + 0.01, lat);                       // ~1 km, available now
        var nearLater = await ResourceAsync(w.U2, "venue", lon + 0.01, lat, from: now.AddDays(2)); // same place, in 2 days
        var farther = await ResourceAsync(w.U3, "venue", lon + 0.05, lat);                        // ~5 km, available now
        var tooFar = await ResourceAsync(w.U1, "venue", lon + 0.2, lat);                          // ~19 km
        var tooLate = await ResourceAsync(w.U2, "venue", lon, lat, from: now.AddDays(8));           // after the horizon
        var ended = await ResourceAsync(w.U2, "venue", lon, lat, from: now.AddDays(-10), until: now.AddDays(-1));
        var otherKind = await ResourceAsync(w.U1, "medical", lon, lat);
        var withdrawn = await ResourceAsync(w.U3, "venue", lon, lat);
        Assert.Equal(HttpStatusCode.NoContent, (await w.U3.PostAsync($"/api/cobuilding/resources/{withdrawn.Id}/withdraw", null)).StatusCode);

        var matches = await w.CommunityA.Get<List<ResourceMatchDto>>($"/api/cobuilding/needs/{need.Id}/matches");

        Assert.Equal([nearNow.Id, nearLater.Id, farther.Id], matches.Select(m => m.Resource.Id));
        Assert.DoesNotContain(matches, m => new[] { tooFar.Id, tooLate.Id, ended.Id, otherKind.Id, withdrawn.Id }.Contains(m.Resource.Id));
        // 60 × (1 − km/10) + 40 × availability: available now scores the full 40; two days into a 7-day horizon 40 × 5/7.
        var first = matches[0];
        Assert.Equal((int)Math.Round(60 * (1 - first.Km / 10) + 40), first.Score, tolerance: 1);
        Assert.Equal((int)Math.Round(60 * (1 - matches[1].Km / 10) + 40 * 5.0 / 7), matches[1].Score, tolerance: 1);
        Assert.Equal("测试供电公司", first.Resource.UnitName);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_resource_is_matched_to_the_needs_open_to_its_unit(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var (lon, lat) = Centre(w.GridA1);
        var inA = await w.NeedAsync("goods");
        var inC = await w.NeedAsync("goods", grid: w.GridC1, who: await w.App.ClientFor(await A.Account(w.App, "community_staff", A.AreaScope(w.District.CommunityC))));
        var resource = await ResourceAsync(w.U1, "goods", lon, lat);

        var matches = await w.U1.Get<List<NeedMatchDto>>($"/api/cobuilding/resources/{resource.Id}/matches");

        // Unit 1 is a member of community A's 大党委 only: C's need is not open to it, however near.
        Assert.Equal([inA.Id], matches.Select(m => m.Need.Id));
        Assert.DoesNotContain(inC.Id, (await w.U1.Get<List<NeedDto>>("/api/cobuilding/needs")).Select(n => n.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_need_is_claimed_once_and_confirmed_by_its_community(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var need = await w.NeedAsync();

        var claimed = await Ok<NeedDto>(await w.U1.PostAsJsonAsync($"/api/cobuilding/needs/{need.Id}/claim", new { note = "我单位三楼会议室可用" }));
        Assert.Equal(NeedStatus.Claimed, claimed.Status);
        Assert.Equal(w.Unit1.Id, claimed.ClaimedByUnitId);

        // A second unit is too late; nothing of its claim is written.
        var second = await w.U2.PostAsJsonAsync($"/api/cobuilding/needs/{need.Id}/claim", new { });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("cobuilding.need_taken", await second.ProblemCode());
        // The same unit claiming twice is the same answer.
        Assert.Equal("cobuilding.need_taken", await (await w.U1.PostAsJsonAsync($"/api/cobuilding/needs/{need.Id}/claim", new { })).ProblemCode());
        Assert.Equal(w.Unit1.Id, (await w.CommunityA.Get<NeedDto>($"/api/cobuilding/needs/{need.Id}")).ClaimedByUnitId);

        // Another community's staff cannot decide it; the claiming unit cannot confirm its own claim.
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityB.PostAsync($"/api/cobuilding/needs/{need.Id}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.U1.PostAsync($"/api/cobuilding/needs/{need.Id}/confirm", null)).StatusCode);

        var confirmed = await Ok<NeedDto>(await w.CommunityA.PostAsync($"/api/cobuilding/needs/{need.Id}/confirm", null));
        Assert.Equal(NeedStatus.Confirmed, confirmed.Status);
        Assert.Equal("测试供电公司", confirmed.ClaimedByUnitName);
        var again = await w.CommunityA.PostAsync($"/api/cobuilding/needs/{need.Id}/confirm", null);
        Assert.Equal("cobuilding.need_not_claimed", await again.ProblemCode());
        // The unit still sees the need it holds, and finds it among its own.
        Assert.Contains(need.Id, (await w.U1.Get<List<NeedDto>>("/api/cobuilding/needs?mine=true")).Select(n => n.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_declined_claim_frees_the_need_for_any_member_unit(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var need = await w.NeedAsync();
        await Ok<NeedDto>(await w.U2.PostAsJsonAsync($"/api/cobuilding/needs/{need.Id}/claim", new { }));

        var noReason = await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/needs/{need.Id}/decline", new { reason = " " });
        Assert.Equal("cobuilding.reason_required", await noReason.ProblemCode());
        var declined = await Ok<NeedDto>(await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/needs/{need.Id}/decline", new { reason = "时间对不上" }));
        Assert.Equal(NeedStatus.Open, declined.Status);
        Assert.Null(declined.ClaimedByUnitId);
        Assert.Equal("时间对不上", declined.DeclineReason);

        var byOther = await Ok<NeedDto>(await w.U1.PostAsJsonAsync($"/api/cobuilding/needs/{need.Id}/claim", new { }));
        Assert.Equal(w.Unit1.Id, byOther.ClaimedByUnitId);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Scope_rules_hide_other_areas_and_units_and_refuse_acting_for_another_unit(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var (lon, lat) = Centre(w.GridA1);
        var need = await w.NeedAsync();
        var resource = await ResourceAsync(w.U1, "venue", lon, lat);

        // A unit acting for another unit: 403 with a code; a row of another unit or area: 404.
        var forOther = await w.U1.PostAsJsonAsync($"/api/cobuilding/needs/{need.Id}/claim", new { unitId = w.Unit2.Id });
        Assert.Equal(HttpStatusCode.Forbidden, forOther.StatusCode);
        Assert.Equal("cobuilding.not_your_unit", await forOther.ProblemCode());
        var publishForOther = await w.U1.PostAsJsonAsync("/api/cobuilding/resources", new { unitId = w.Unit2.Id, category = "venue", title = "x", longitude = lon, latitude = lat });
        Assert.Equal("cobuilding.not_your_unit", await publishForOther.ProblemCode());
        Assert.Equal(HttpStatusCode.NotFound, (await w.U2.PostAsync($"/api/cobuilding/resources/{resource.Id}/withdraw", null)).StatusCode);
        Assert.DoesNotContain(resource.Id, (await w.U2.Get<List<ResourceDto>>("/api/cobuilding/resources")).Select(r => r.Id));
        Assert.Contains(resource.Id, (await w.U1.Get<List<ResourceDto>>("/api/cobuilding/resources?mine=true")).Select(r => r.Id));

        // A unit that is no alliance member here does not see the need, nor can claim it.
        Assert.Equal(HttpStatusCode.NotFound, (await w.U4.PostAsJsonAsync($"/api/cobuilding/needs/{need.Id}/claim", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.U4.GetAsync($"/api/cobuilding/needs/{need.Id}")).StatusCode);
        // Unit 3 is a member of street 1's 大工委, which covers community A.
        Assert.Contains(need.Id, (await w.U3.Get<List<NeedDto>>("/api/cobuilding/needs")).Select(n => n.Id));

        // Staff: community B sees nothing of A; street 1 sees A's need and resource; B cannot publish a need in A.
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityB.GetAsync($"/api/cobuilding/needs/{need.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityB.GetAsync($"/api/cobuilding/alliances/{w.AllianceA.Alliance.Id}")).StatusCode);
        Assert.DoesNotContain(resource.Id, (await w.CommunityB.Get<List<ResourceDto>>("/api/cobuilding/resources")).Select(r => r.Id));
        Assert.Contains(need.Id, (await w.Street1.Get<List<NeedDto>>("/api/cobuilding/needs")).Select(n => n.Id));
        Assert.Contains(resource.Id, (await w.Street1.Get<List<ResourceDto>>("/api/cobuilding/resources")).Select(r => r.Id));
        var outside = await w.CommunityB.PostAsJsonAsync("/api/cobuilding/needs", new { category = "venue", title = "x", longitude = lon, latitude = lat });
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal("cobuilding.outside_scope", await outside.ProblemCode());

        // Alliances: a unit sees the ones it belongs to; staff cannot add a member to another area's alliance.
        Assert.Equal([w.AllianceA.Alliance.Id], (await w.U1.Get<List<AllianceDto>>("/api/cobuilding/alliances")).Select(a => a.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityB.PostAsJsonAsync($"/api/cobuilding/alliances/{w.AllianceA.Alliance.Id}/members", new { unitId = w.Unit4.Id })).StatusCode);
        // Units hold no staff permission: they cannot publish needs.
        Assert.Equal(HttpStatusCode.Forbidden, (await w.U1.PostAsJsonAsync("/api/cobuilding/needs", new { category = "venue", title = "x", longitude = lon, latitude = lat })).StatusCode);
    }
}
