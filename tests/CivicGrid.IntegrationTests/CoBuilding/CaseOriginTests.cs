using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using static CivicGrid.IntegrationTests.CoBuilding.CoBuildingWorld;

namespace CivicGrid.IntegrationTests.CoBuilding;

public sealed record OriginDto(string Kind, Guid Id, string Title, DateTimeOffset At, string? Link);
public sealed record OriginCaseDto(Guid Id, string Number);
public sealed record CaseWithOriginDto(OriginCaseDto Case, OriginDto? Origin);

/// <summary>
/// 来自会议 (ADR 13): a case a meeting follow-up opened names the meeting on its detail; the link to the meeting only for
/// staff who may open it; a case merely linked by number has no origin; the public Open311 feed never shows the meeting.
/// </summary>
public sealed class CaseOriginTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_opened_from_a_meeting_names_it_and_links_it_for_staff_who_see_the_meeting(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var item = await w.CatalogItemAsync();
        var (lon, lat) = Centre(w.GridA1);
        var topic = $"楼道杂物议事 {Guid.NewGuid():N}"[..16];
        var at = w.App.Clock.GetUtcNow().AddDays(-1);
        // A round table of the community (not of one grid) decides on a matter in grid A1.
        var council = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/meetings", new
        {
            kind = MeetingKind.RoundTable, areaCode = w.District.CommunityA.AreaCode, topic, at, place = "社区议事厅", chairName = "社区书记",
        }));
        var meetingId = council.Meeting.Id;
        // 立案 as a patrol find, so the case is one the public feed publishes.
        var opened = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/meetings/{meetingId}/follow-ups", new
        {
            text = "清理楼道", newCase = new { itemCode = item, description = "1号楼楼道堆放杂物", longitude = lon, latitude = lat, source = "Patrol" },
        }));
        var caseId = Assert.Single(opened.FollowUps).CaseId!.Value;

        var staff = await w.CommunityA.Get<CaseWithOriginDto>($"/api/cases/{caseId}");
        Assert.Equal(("meeting", meetingId, topic, $"/cobuilding?tab=meetings&meeting={meetingId}"),
            (staff.Origin!.Kind, staff.Origin.Id, staff.Origin.Title, staff.Origin.Link));
        Assert.Equal(at, staff.Origin.At, TimeSpan.FromSeconds(1));
        Assert.Equal(topic, (await w.Street1.Get<CaseWithOriginDto>($"/api/cases/{caseId}")).Origin!.Title);

        // Grid A1's worker sees the case and where it came from, but not the community's meeting: no link.
        var gridWorker = await w.App.ClientFor(await A.Account(w.App, Roles.GridWorker, A.AreaScope(w.GridA1)));
        var seenByGrid = await gridWorker.Get<CaseWithOriginDto>($"/api/cases/{caseId}");
        Assert.Equal((topic, null), (seenByGrid.Origin!.Title, seenByGrid.Origin.Link));
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/cobuilding/meetings/{meetingId}")).StatusCode);
        // Another community sees neither the case nor the meeting.
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityB.GetAsync($"/api/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityB.GetAsync($"/api/cobuilding/meetings/{meetingId}")).StatusCode);

        // A case that existed before and is only linked by its number did not come from the meeting.
        var earlier = await Ok<CaseWithOriginDto>(await w.CommunityA.PostAsJsonAsync("/api/cases",
            new { itemCode = item, description = "早已登记的楼道问题", longitude = lon, latitude = lat }));
        Assert.Null(earlier.Origin);
        var linked = await Ok<MeetingDetailDto>(await w.CommunityA.PostAsJsonAsync($"/api/cobuilding/meetings/{meetingId}/follow-ups",
            new { text = "跟踪办理", caseNumber = earlier.Case.Number }));
        Assert.Contains(linked.FollowUps, f => f.CaseId == earlier.Case.Id);
        Assert.Null((await w.CommunityA.Get<CaseWithOriginDto>($"/api/cases/{earlier.Case.Id}")).Origin);

        // The public feed lists the patrol case and says nothing of the meeting.
        var feed = await w.App.CreateClient().GetAsync($"/open311/v2/requests/{staff.Case.Number}.json");
        var body = await feed.Content.ReadAsStringAsync();
        Assert.True(feed.IsSuccessStatusCode, body);
        Assert.Contains(staff.Case.Number, body);
        Assert.DoesNotContain(topic, body);
        Assert.DoesNotContain(meetingId.ToString(), body);
        Assert.DoesNotContain("meeting", body, StringComparison.OrdinalIgnoreCase);
    }
}
