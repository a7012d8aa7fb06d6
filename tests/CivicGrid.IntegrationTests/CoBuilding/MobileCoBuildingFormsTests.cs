using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Cases;
using CivicGrid.IntegrationTests.Infrastructure;
using static CivicGrid.IntegrationTests.Infrastructure.PhoneForms;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using static CivicGrid.IntegrationTests.CoBuilding.CoBuildingWorld;

namespace CivicGrid.IntegrationTests.CoBuilding;

public sealed record PlacedResourceDto(Guid Id, Guid UnitId, string AreaCode, string Title, DateTimeOffset AvailableFrom, DateTimeOffset? AvailableUntil, bool Withdrawn);

/// <summary>
/// The phone's plain forms (CoBuildingForms) over HTTP: a unit plans its project and proves its completion with a photo,
/// publishes and withdraws a resource; a grid worker publishes a need of their own grid. Each runs the JSON route's
/// handler, so refusals come back to the page as the same codes; another unit's project or resource is not found.
/// </summary>
public sealed class MobileCoBuildingFormsTests(Apps apps) : IClassFixture<Apps>
{
    static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_unit_plans_its_project_and_proves_completion_with_a_photo_from_the_phone(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var project = await Ok<ProjectDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/projects", new
        {
            areaCode = w.District.CommunityA.AreaCode, year = 2026, title = "楼道微改造", category = "other",
        }));
        var id = project.Project.Id;
        await Ok<ProjectDetailDto>(await w.U1.PostAsJsonAsync($"/api/cobuilding/projects/{id}/claim", new { }));
        var page = $"/m/cobuilding/projects/{id}";
        var u1 = Forms(w.App, w.U1);
        var html = await u1.GetStringAsync(page);
        Assert.Contains("cob-plan-form", html);

        // A milestone without its date is refused, and nothing is written.
        var half = await u1.PostAsync($"{page}/plan", Form(html, ("plan", "先清理后粉刷"), ("milestone0", "清理杂物"), ("due0", "2026-12-10"), ("milestone1", "墙面粉刷")));
        Assert.Equal($"{page}?error=cobuilding.milestones_required", Landed(half));
        Assert.Empty((await w.U1.Get<ProjectDetailDto>($"/api/cobuilding/projects/{id}")).Milestones);

        var planned = await u1.PostAsync($"{page}/plan", Form(html, ("plan", "先清理后粉刷"), ("milestone0", "清理杂物"), ("due0", "2026-12-10"),
            ("milestone1", "墙面粉刷"), ("due1", "2026-12-20"), ("milestone2", ""), ("due2", "")));
        Assert.Equal($"{page}?done=planned", Landed(planned));
        var detail = await w.U1.Get<ProjectDetailDto>($"/api/cobuilding/projects/{id}");
        Assert.Equal("先清理后粉刷", detail.Plan);
        Assert.Equal([("清理杂物", new DateTimeOffset(2026, 12, 10, 18, 0, 0, China)), ("墙面粉刷", new DateTimeOffset(2026, 12, 20, 18, 0, 0, China))],
            detail.Milestones.Select(m => (m.Title, m.Due)));

        // Another member unit may see the project but it is not theirs; a unit outside the alliance does not see it.
        var u2 = Forms(w.App, w.U2);
        var notYours = await u2.PostAsync($"{page}/plan", Form(await u2.GetStringAsync("/m/cobuilding"), ("milestone0", "抢先"), ("due0", "2026-12-11")));
        Assert.Equal($"{page}?error=cobuilding.project_not_yours", Landed(notYours));
        var u4 = Forms(w.App, w.U4);
        var hidden = await u4.PostAsync($"{page}/complete", Multipart(await u4.GetStringAsync("/m/cobuilding"), [("text", "x")], Photo));
        Assert.Equal($"{page}?error=cobuilding.not_found", Landed(hidden));
        Assert.Equal(HttpStatusCode.NotFound, (await w.U4.GetAsync($"/api/cobuilding/projects/{id}")).StatusCode);
        // Staff have no unit: the unit's forms are not theirs.
        var staff = Forms(w.App, w.CommunityA);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsync($"{page}/plan", Form(await staff.GetStringAsync("/m/cobuilding"), ("plan", "x")))).StatusCode);

        // Progress with no milestone chosen (the select's "none" posts "") and no photo.
        Assert.Equal($"{page}?done=progress", Landed(await u1.PostAsync($"{page}/progress", Multipart(html, [("text", "已清理一楼"), ("milestone", "")]))));
        Assert.Contains((await w.U1.Get<ProjectDetailDto>($"/api/cobuilding/projects/{id}")).Entries,
            e => e.Kind == ProjectEntryKind.Progress && e.Text == "已清理一楼" && e.MilestoneId is null);

        // Completion needs proof: without a photo it is refused and the project stays in progress.
        var bare = await u1.PostAsync($"{page}/complete", Multipart(html, [("text", "已全部完成")]));
        Assert.Equal($"{page}?error=cobuilding.proof_required", Landed(bare));
        Assert.Equal(ProjectStatus.Claimed, (await w.U1.Get<ProjectDetailDto>($"/api/cobuilding/projects/{id}")).Project.Status);

        var done = await u1.PostAsync($"{page}/complete", Multipart(html, [("text", "已全部完成")], Photo));
        Assert.Equal($"{page}?done=completed", Landed(done));
        var completed = await w.U1.Get<ProjectDetailDto>($"/api/cobuilding/projects/{id}");
        Assert.Equal(ProjectStatus.Completed, completed.Project.Status);
        var proof = Assert.Single(completed.Entries, e => e.Kind == ProjectEntryKind.Completion);
        Assert.Equal(("已全部完成", 1), (proof.Text, proof.Photos.Count));
        Assert.Equal(HttpStatusCode.OK, (await w.U1.GetAsync(proof.Photos[0].Url)).StatusCode);
        Assert.All(completed.Milestones, m => Assert.NotNull(m.DoneAt));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_unit_publishes_a_resource_and_a_grid_worker_a_need_of_their_own_grid_from_the_phone(DatabaseProvider provider)
    {
        var w = await CreateAsync(await apps.For(provider));
        var u1 = Forms(w.App, w.U1);
        var board = await u1.GetStringAsync("/m/cobuilding");
        Assert.Contains(w.GridA1.AreaCode, board); // the grids of the community where unit 1 is a member are offered

        var published = await u1.PostAsync("/m/cobuilding/resources", Form(board, ("title", "职工活动中心"), ("category", "venue"),
            ("capacity", "可容纳80人"), ("grid", w.GridA1.AreaCode), ("address", "幸福路1号"), ("from", "2026-12-01"), ("until", "2026-12-31")));
        Assert.Equal("/m/cobuilding?done=resource", Landed(published));
        var resource = Assert.Single(await w.U1.Get<List<PlacedResourceDto>>("/api/cobuilding/resources?mine=true"), r => r.Title == "职工活动中心");
        Assert.Equal((w.Unit1.Id, w.GridA1.AreaCode), (resource.UnitId, resource.AreaCode));
        Assert.Equal((new DateTimeOffset(2026, 12, 1, 0, 0, 0, China), new DateTimeOffset(2026, 12, 31, 23, 0, 0, China)),
            (resource.AvailableFrom, resource.AvailableUntil!.Value));
        Assert.Equal("/m/cobuilding?error=cobuilding.location_required", Landed(await u1.PostAsync("/m/cobuilding/resources",
            Form(board, ("title", "车辆"), ("category", "vehicle"), ("grid", "999999999999999")))));
        // Date inputs left empty post "": available from now, open-ended.
        Assert.Equal("/m/cobuilding?done=resource", Landed(await u1.PostAsync("/m/cobuilding/resources",
            Form(board, ("title", "货车"), ("category", "vehicle"), ("grid", w.GridA1.AreaCode), ("from", ""), ("until", "")))));
        var truck = Assert.Single(await w.U1.Get<List<PlacedResourceDto>>("/api/cobuilding/resources?mine=true"), r => r.Title == "货车");
        Assert.Equal((w.App.Clock.GetUtcNow(), null), (truck.AvailableFrom, truck.AvailableUntil));
        Assert.Equal("/m/cobuilding?error=cobuilding.window_invalid", Landed(await u1.PostAsync("/m/cobuilding/resources",
            Form(board, ("title", "车辆"), ("category", "vehicle"), ("grid", w.GridA1.AreaCode), ("from", "2026-12-10"), ("until", "2026-12-01")))));
        // Another unit cannot withdraw it (it does not see it); its own unit can.
        var u2 = Forms(w.App, w.U2);
        Assert.Equal("/m/cobuilding?error=cobuilding.not_found",
            Landed(await u2.PostAsync($"/m/cobuilding/resources/{resource.Id}/withdraw", Form(await u2.GetStringAsync("/m/cobuilding")))));
        Assert.Equal("/m/cobuilding?done=withdrawn", Landed(await u1.PostAsync($"/m/cobuilding/resources/{resource.Id}/withdraw", Form(board))));
        Assert.DoesNotContain(await w.U1.Get<List<PlacedResourceDto>>("/api/cobuilding/resources?mine=true"), r => r.Id == resource.Id);
        // A unit publishes no needs.
        Assert.Equal(HttpStatusCode.Forbidden, (await u1.PostAsync("/m/cobuilding/needs", Form(board, ("title", "x"), ("category", "venue"),
            ("grid", w.GridA1.AreaCode)))).StatusCode);

        // A grid worker publishes a need of their grid, on the phone and through the API.
        var gridWorkerApi = await w.App.ClientFor(await A.Account(w.App, Roles.GridWorker, A.AreaScope(w.GridA1)));
        var gridWorker = Forms(w.App, gridWorkerApi);
        var page = await gridWorker.GetStringAsync("/m/cobuilding");
        Assert.Contains("cob-need-form", page);
        var need = await gridWorker.PostAsync("/m/cobuilding/needs", Form(page, ("title", "独居老人助餐"), ("category", "volunteer"),
            ("urgency", "High"), ("description", "每天中午送餐"), ("grid", w.GridA1.AreaCode), ("address", "3号楼")));
        Assert.Equal("/m/cobuilding?done=need", Landed(need));
        var published2 = Assert.Single(await gridWorkerApi.Get<List<NeedDto>>("/api/cobuilding/needs"), n => n.Title == "独居老人助餐");
        Assert.Equal((w.GridA1.AreaCode, NeedUrgency.High, NeedStatus.Open), (published2.AreaCode, published2.Urgency, published2.Status));
        Assert.Contains("独居老人助餐", await gridWorker.GetStringAsync("/m/cobuilding"));
        var (lon, lat) = Centre(w.GridA1);
        var viaApi = await Ok<NeedDto>(await gridWorkerApi.PostAsJsonAsync("/api/cobuilding/needs", new
        {
            category = "goods", title = "冬衣捐赠", urgency = NeedUrgency.Normal, longitude = lon, latitude = lat,
        }));
        Assert.Equal(w.GridA1.AreaCode, viaApi.AreaCode);
        // Outside their grid: refused; another community's staff do not see the need.
        Assert.Equal("/m/cobuilding?error=cobuilding.outside_scope", Landed(await gridWorker.PostAsync("/m/cobuilding/needs",
            Form(page, ("title", "越界需求"), ("category", "venue"), ("grid", w.GridC1.AreaCode)))));
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityB.GetAsync($"/api/cobuilding/needs/{published2.Id}")).StatusCode);
        // The grid worker publishes; deciding claims stays with the community's staff.
        Assert.Equal(HttpStatusCode.Forbidden, (await gridWorkerApi.PostAsync($"/api/cobuilding/needs/{published2.Id}/confirm", null)).StatusCode);
    }

    static readonly (string Name, string Type, byte[] Bytes) Photo = ("完工.png", "image/png", CaseWorld.Png);
}
