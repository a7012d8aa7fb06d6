using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>The closed loop over HTTP, each step by the role DOMAIN.md §3 gives it, and the refusals on the way.</summary>
public sealed class CaseLoopTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_resident_report_runs_the_whole_loop_to_rated_and_every_step_is_in_the_history(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var photo = await UploadPngAsync(w.Resident);
        var reported = await w.ReportAsync(body: new
        {
            itemCode = w.Item.Code, description = "楼下垃圾满溢", longitude = w.Point.Lon, latitude = w.Point.Lat, photoIds = new[] { photo },
        });
        Assert.Equal(CaseStatus.Reported, reported.Case.Status);
        Assert.Equal(CaseSource.Resident, reported.Case.Source);
        Assert.Equal(w.Grid.AreaCode, reported.Case.AreaCode);
        Assert.Matches($"^{w.District.Code[..6]}-2026-\\d{{6}}$", reported.Case.Number);
        Assert.Equal(w.Grid.Name, reported.GridName);
        var id = reported.Case.Id;

        await Move(w.CommunityA, id, "accept", new { comment = "受理" });
        var dispatched = await Move(w.CommunityA, id, "dispatch", new { leadUnitId = w.Cityscape.Id });
        Assert.Equal(CaseStatus.Dispatched, dispatched.Case.Status);
        Assert.NotNull(dispatched.Case.HandlingDue);
        await Move(w.CityscapeStaff, id, "sign-for");
        await Move(w.CityscapeStaff, id, "start", new { comment = "已安排人员" });
        var after = await UploadPngAsync(w.CityscapeStaff);
        await Move(w.CityscapeStaff, id, "handled", new { comment = "已清运完毕", photoIds = new[] { after } });
        await Move(w.GridWorker, id, "verify", new { passed = true, comment = "现场已整洁" });
        await Move(w.CommunityA, id, "close", new { solved = true });
        var rated = await Move(w.Resident, id, "rate", new { rating = "Satisfied", comment = "很快" });

        Assert.Equal(CaseStatus.Rated, rated.Case.Status);
        Assert.Equal(Satisfaction.Satisfied, rated.Rating);
        Assert.True(rated.Solved);
        Assert.Equal(
            [CaseAction.Report, CaseAction.Accept, CaseAction.Dispatch, CaseAction.SignFor, CaseAction.StartHandling,
             CaseAction.ReportHandled, CaseAction.Verify, CaseAction.Close, CaseAction.Rate],
            rated.History.Select(h => h.Action));
        Assert.Equal(Enumerable.Range(1, 9), rated.History.Select(h => h.Seq));
        Assert.Equal([null, CaseStatus.Reported, CaseStatus.Accepted], rated.History.Take(3).Select(h => h.From));
        Assert.Single(rated.History[0].Attachments);
        Assert.Single(rated.History[5].Attachments);
        // The photo is served to those who see the case.
        var file = await w.CommunityA.GetAsync(rated.History[0].Attachments[0].Url);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityB.GetAsync(rated.History[0].Attachments[0].Url)).StatusCode);

        // The reporter heard of the steps that concern them.
        await using var db = w.App.Db();
        var notices = await db.CaseNotices.Where(n => n.CaseId == id && n.AccountId != null).Select(n => n.Text).ToListAsync();
        Assert.Contains("您反映的问题已受理", notices);
        Assert.Contains("您反映的问题已结案，请评价办理结果", notices);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_illegal_move_is_a_409_with_a_stable_code_and_changes_nothing(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync();

        var close = await Try(w.CommunityA, c.Case.Id, "close", new { solved = true });
        Assert.Equal(HttpStatusCode.Conflict, close.StatusCode);
        Assert.Equal("case.illegal_transition", await close.ProblemCode());
        var rate = await Try(w.Resident, c.Case.Id, "rate", new { rating = "Satisfied" });
        Assert.Equal(HttpStatusCode.Conflict, rate.StatusCode);
        Assert.Equal("case.illegal_transition", await rate.ProblemCode());

        var now = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}");
        Assert.Equal(CaseStatus.Reported, now.Case.Status);
        Assert.Single(now.History);
        Assert.Equal(c.Case.Version, now.Case.Version);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_write_based_on_a_stale_version_is_a_409(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync();
        await Move(w.CommunityA, c.Case.Id, "accept", new { version = c.Case.Version });

        var stale = await Try(w.CommunityA, c.Case.Id, "reject", new { comment = "重复", version = c.Case.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("concurrency.stale", await stale.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_retried_report_with_the_same_idempotency_key_makes_one_case(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Send(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return await w.Resident.SendAsync(request);
        }
        var first = await Send(w.Report("路灯不亮"));
        var again = await Send(w.Report("路灯不亮"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var a = (await first.Content.ReadFromJsonAsync<CaseDetailDto>(Http.Json))!;
        var b = (await again.Content.ReadFromJsonAsync<CaseDetailDto>(Http.Json))!;
        Assert.Equal(a.Case.Id, b.Case.Id);

        var other = await Send(w.Report("另一件事"));
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("case.idempotency_key_reused", await other.ProblemCode());
        await using var db = w.App.Db();
        Assert.Equal(1, await db.Cases.CountAsync(c => c.Description == "路灯不亮" && c.AreaCode == w.Grid.AreaCode));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_reports_are_refused_with_their_codes_and_leave_nothing(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        async Task<string?> Refused(object body)
        {
            var response = await w.Resident.PostAsJsonAsync("/api/cases", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return await response.ProblemCode();
        }
        Assert.Equal("case.outside_grids", await Refused(new { itemCode = w.Item.Code, description = "x", longitude = 10.0, latitude = 10.0 }));
        Assert.Equal("case.unknown_item", await Refused(w.Report(itemCode: "0000")));
        Assert.Equal("case.description_required", await Refused(w.Report(description: " ")));
        Assert.Equal("case.description_too_long", await Refused(w.Report(description: new string('长', 4001))));
        Assert.Equal("case.location_required", await Refused(new { itemCode = w.Item.Code, description = "x" }));
        Assert.Equal("case.upload_unknown", await Refused(new
        {
            itemCode = w.Item.Code, description = "x", longitude = w.Point.Lon, latitude = w.Point.Lat, photoIds = new[] { Guid.NewGuid() },
        }));
        var exe = await UploadAsync(w.Resident, [0x4D, 0x5A, 0x90, 0x00, 0x03, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF], "photo.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, exe.StatusCode);
        Assert.Equal("file.type_not_allowed", await exe.ProblemCode());

        await using var db = w.App.Db();
        Assert.False(await db.Cases.AnyAsync(c => c.ItemCode == w.Item.Code));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_report_may_name_no_more_photos_than_the_configured_limit_even_from_several_uploads(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Files:MaxFilesPerTransition"] = "2" });
        var w = await CaseWorld.CreateAsync(app);
        var photos = new[] { await UploadPngAsync(w.Resident), await UploadPngAsync(w.Resident), await UploadPngAsync(w.Resident) };

        var three = await w.Resident.PostAsJsonAsync("/api/cases", new
        {
            itemCode = w.Item.Code, description = "三张照片", longitude = w.Point.Lon, latitude = w.Point.Lat, photoIds = photos,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, three.StatusCode);
        Assert.Equal("file.too_many", await three.ProblemCode());
        await using (var db = app.Db())
            Assert.False(await db.Cases.AnyAsync(c => c.Description == "三张照片"));

        // Two are within the limit, and the refused attempt used none of them up.
        var two = await w.ReportAsync(body: new
        {
            itemCode = w.Item.Code, description = "两张照片", longitude = w.Point.Lon, latitude = w.Point.Lat, photoIds = photos[..2],
        });
        Assert.Equal(2, two.History.SelectMany(h => h.Attachments).Count());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Cases_are_seen_by_their_area_their_units_and_their_reporter_and_by_nobody_else(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.DispatchedAsync();
        var url = $"/api/cases/{c.Case.Id}";

        foreach (var allowed in new[] { w.Resident, w.CommunityA, w.Street1, w.GridWorker, w.CityscapeStaff })
            Assert.Equal(HttpStatusCode.OK, await allowed.StatusOf(HttpMethod.Get, url));
        foreach (var outside in new[] { w.OtherResident, w.CommunityB, w.HousingStaff })
        {
            Assert.Equal(HttpStatusCode.NotFound, await outside.StatusOf(HttpMethod.Get, url));
            Assert.DoesNotContain((await outside.Get<PagedDto<CaseDto>>("/api/cases?pageSize=100")).Items, x => x.Id == c.Case.Id);
        }
        // A unit the case is not dispatched to cannot act on it either: it does not exist for them.
        var unseen = await Try(w.HousingStaff, c.Case.Id, "sign-for");
        Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        Assert.Equal("not_found", await unseen.ProblemCode());
        // A resident cannot dispatch: the permission is missing.
        var refused = await Try(w.Resident, c.Case.Id, "accept");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("access.forbidden", await refused.ProblemCode());
        // Nor read the figures.
        var figures = await w.Resident.GetAsync("/api/cases/figures");
        Assert.Equal(HttpStatusCode.Forbidden, figures.StatusCode);
        Assert.Equal("access.forbidden", await figures.ProblemCode());
        var anonymous = await w.App.CreateClient().GetAsync("/api/cases");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("auth.required", await anonymous.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_return_goes_back_to_the_dispatcher_counts_and_allows_a_re_dispatch(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.DispatchedAsync();

        var noReason = await Try(w.CityscapeStaff, c.Case.Id, "return", new { });
        Assert.Equal("case.reason_required", await noReason.ProblemCode());
        var returned = await Move(w.CityscapeStaff, c.Case.Id, "return", new { comment = "属于住建部门职责" });
        Assert.Equal(CaseStatus.Accepted, returned.Case.Status);
        Assert.Equal(1, returned.Case.ReturnCount);
        Assert.Contains(returned.Case.Id, (await w.CommunityA.Get<PagedDto<CaseDto>>("/api/cases?queue=Returned")).Items.Select(x => x.Id));

        var again = await Move(w.CommunityA, c.Case.Id, "dispatch", new { leadUnitId = w.Housing.Id });
        Assert.Equal(w.Housing.Id, Assert.Single(again.Assignments, a => a.Active).UnitId);
        Assert.Contains(again.Case.Id, (await w.HousingStaff.Get<PagedDto<CaseDto>>("/api/cases?queue=ToSignFor")).Items.Select(x => x.Id));
        // The unit that returned it can no longer act on it.
        var late = await Try(w.CityscapeStaff, c.Case.Id, "sign-for");
        Assert.Equal("case.not_assigned", await late.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_street_whistles_two_departments_and_each_reports_in(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync();
        await Move(w.CommunityA, c.Case.Id, "accept");
        // A community cannot whistle (no permission), and the street cannot whistle a case its community still holds.
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.CommunityA, c.Case.Id, "whistle", new { leadUnitId = w.Cityscape.Id, cooperatingUnitIds = new[] { w.Housing.Id } })).StatusCode);
        var early = await Try(w.Street1, c.Case.Id, "whistle", new { leadUnitId = w.Cityscape.Id, cooperatingUnitIds = new[] { w.Housing.Id } });
        Assert.Equal("case.whistle_needs_street", await early.ProblemCode());

        var lifted = await Move(w.CommunityA, c.Case.Id, "escalate", new { comment = "涉及多个部门，社区无法协调" });
        Assert.Equal(CaseLevel.Street, lifted.Case.Level);
        Assert.Equal(1, lifted.EscalationCount);
        Assert.Equal("case.not_your_level", await (await Try(w.CommunityA, c.Case.Id, "dispatch", new { leadUnitId = w.Cityscape.Id })).ProblemCode());
        var alone = await Try(w.Street1, c.Case.Id, "whistle", new { leadUnitId = w.Cityscape.Id });
        Assert.Equal("case.whistle_needs_cooperating", await alone.ProblemCode());

        var whistled = await Move(w.Street1, c.Case.Id, "whistle", new { leadUnitId = w.Cityscape.Id, cooperatingUnitIds = new[] { w.Housing.Id } });
        Assert.True(whistled.Case.Whistled);
        Assert.Equal([AssignmentRole.Lead, AssignmentRole.Cooperating], whistled.Assignments.Select(a => a.Role));

        var coop = await Move(w.HousingStaff, c.Case.Id, "sign-for");
        Assert.Equal(CaseStatus.Dispatched, coop.Case.Status); // a cooperating unit's report does not move the case
        var lead = await Move(w.CityscapeStaff, c.Case.Id, "sign-for");
        Assert.Equal(CaseStatus.SignedFor, lead.Case.Status);
        Assert.All(lead.Assignments, a => Assert.NotNull(a.SignedAt));
        Assert.Equal("case.already_signed", await (await Try(w.HousingStaff, c.Case.Id, "sign-for")).ProblemCode());
        // Only the lead unit reports the work done.
        Assert.Equal("case.not_lead", await (await Try(w.HousingStaff, c.Case.Id, "start")).ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_the_street_cannot_solve_goes_up_to_the_district_command_centre_which_whistles_the_departments(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var district = await app.ClientFor(await A.Account(app, Roles.DistrictStaff, new AccountScope { Kind = ScopeKind.Area, AreaCode = w.District.Code }));
        async Task<List<Guid>> ToDispatch(HttpClient who) =>
            (await who.Get<PagedDto<CaseDto>>("/api/cases?queue=ToDispatch&pageSize=100")).Items.Select(x => x.Id).ToList();
        var c = await w.ReportAsync();
        await Move(w.CommunityA, c.Case.Id, "accept");
        await Move(w.CommunityA, c.Case.Id, "escalate", new { comment = "社区无法协调" });
        Assert.Contains(c.Case.Id, await ToDispatch(w.Street1));
        Assert.DoesNotContain(c.Case.Id, await ToDispatch(district)); // the street's until the street lifts it

        var lifted = await Move(w.Street1, c.Case.Id, "escalate", new { comment = "需区级统筹协调" });
        Assert.Equal((CaseLevel.District, 2), (lifted.Case.Level, lifted.EscalationCount));
        Assert.Equal("case.not_your_level", await (await Try(w.Street1, c.Case.Id, "dispatch", new { leadUnitId = w.Cityscape.Id })).ProblemCode());
        Assert.DoesNotContain(c.Case.Id, await ToDispatch(w.Street1));
        Assert.Contains(c.Case.Id, await ToDispatch(district));
        Assert.Equal("case.top_level", await (await Try(district, c.Case.Id, "escalate", new { comment = "再上提" })).ProblemCode());

        var whistled = await Move(district, c.Case.Id, "whistle", new { leadUnitId = w.Cityscape.Id, cooperatingUnitIds = new[] { w.Housing.Id } });
        Assert.Equal([AssignmentRole.Lead, AssignmentRole.Cooperating], whistled.Assignments.Select(a => a.Role));
        Assert.Equal(CaseStatus.SignedFor, (await Move(w.CityscapeStaff, c.Case.Id, "sign-for")).Case.Status);

        // The command centre answers for its own district only.
        var elsewhere = await CaseWorld.CreateAsync(app);
        var theirs = await elsewhere.ReportAsync();
        Assert.Equal(HttpStatusCode.NotFound, await district.StatusOf(HttpMethod.Get, $"/api/cases/{theirs.Case.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, (await Try(district, theirs.Case.Id, "accept")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Failed_verification_and_a_dissatisfied_rating_send_the_case_back_and_count_as_reopens(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.HandledAsync();
        var failed = await Move(w.GridWorker, c.Case.Id, "verify", new { passed = false, comment = "垃圾仍未清理干净" });
        Assert.Equal(CaseStatus.Handling, failed.Case.Status);
        Assert.Equal(1, failed.Case.ReopenCount);

        await Move(w.CityscapeStaff, c.Case.Id, "handled", new { comment = "二次清理" });
        await Move(w.GridWorker, c.Case.Id, "verify", new { passed = true });
        await Move(w.CommunityA, c.Case.Id, "close", new { solved = false });
        Assert.Equal("case.not_reporter", await (await Try(w.CommunityA, c.Case.Id, "rate", new { rating = "Satisfied" })).ProblemCode());
        var rated = await Move(w.Resident, c.Case.Id, "rate", new { rating = "Dissatisfied", comment = "还是很脏" });
        Assert.Equal(Satisfaction.Dissatisfied, rated.Rating);

        var reopened = await Move(w.CommunityA, c.Case.Id, "reopen", new { comment = "居民不满意，重办" });
        Assert.Equal(CaseStatus.Handling, reopened.Case.Status);
        Assert.Equal(2, reopened.Case.ReopenCount);
        Assert.Null(reopened.Rating);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_extension_granted_moves_the_due_and_a_refusal_needs_a_reason(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.DispatchedAsync();
        await Move(w.CityscapeStaff, c.Case.Id, "sign-for");
        var asked = await Move(w.CityscapeStaff, c.Case.Id, "extension", new { days = 2, reason = "需协调产权单位" });
        Assert.Equal(2, asked.PendingExtensionDays);
        Assert.Equal("case.extension_pending", await (await Try(w.CityscapeStaff, c.Case.Id, "extension", new { days = 1, reason = "再延" })).ProblemCode());
        Assert.Contains(c.Case.Id, (await w.CommunityA.Get<PagedDto<CaseDto>>("/api/cases?queue=Extensions")).Items.Select(x => x.Id));

        Assert.Equal("case.reason_required", await (await Try(w.CommunityA, c.Case.Id, "extension/decision", new { grant = false })).ProblemCode());
        var granted = await Move(w.CommunityA, c.Case.Id, "extension/decision", new { grant = true, comment = "同意" });
        Assert.Null(granted.PendingExtensionDays);
        Assert.True(granted.Case.HandlingDue > asked.Case.HandlingDue);
        Assert.Equal("case.no_extension", await (await Try(w.CommunityA, c.Case.Id, "extension/decision", new { grant = true })).ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_duplicate_is_merged_into_the_open_case(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var first = await w.DispatchedAsync();
        var duplicate = await w.ReportAsync(w.OtherResident);

        Assert.Equal("case.merge_self", await (await Try(w.CommunityA, duplicate.Case.Id, "merge", new { intoCaseId = duplicate.Case.Id })).ProblemCode());
        var merged = await Move(w.CommunityA, duplicate.Case.Id, "merge", new { intoCaseId = first.Case.Id });
        Assert.Equal(CaseStatus.Merged, merged.Case.Status);
        Assert.Equal(first.Case.Id, merged.MergedIntoId);
        var target = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{first.Case.Id}");
        Assert.Equal(CaseAction.AbsorbMerged, target.History[^1].Action);
        Assert.Equal($"并入重复案件 {duplicate.Case.Number}", target.History[^1].Comment);
        Assert.Equal(CaseNote.AbsorbedDuplicate, target.History[^1].Note);
        Assert.Equal([duplicate.Case.Number], target.History[^1].NoteArguments!);

        // The reporter of the duplicate reads where it went, in their page's language.
        var page = $"/m/cases/{duplicate.Case.Id}";
        Assert.Contains($"并入案件 {first.Case.Number}", await w.OtherResident.GetStringAsync(page));
        var english = await w.OtherResident.GetStringAsync($"{page}?culture=en");
        Assert.Contains($"Merged into case {first.Case.Number}", english);
        Assert.DoesNotContain("并入案件", english);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_grid_worker_settles_a_simple_matter_on_the_spot_with_a_photo(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var before = await UploadPngAsync(w.GridWorker);
        var noPhoto = await w.GridWorker.PostAsJsonAsync("/api/cases", new
        {
            itemCode = w.Item.Code, description = "楼道堆放杂物", longitude = w.Point.Lon, latitude = w.Point.Lat,
            onTheSpot = true, onTheSpotComment = "已清理",
        });
        Assert.Equal("case.photo_required", await noPhoto.ProblemCode());

        var after = await UploadPngAsync(w.GridWorker);
        var settled = await w.ReportAsync(w.GridWorker, new
        {
            itemCode = w.Item.Code, description = "楼道堆放杂物", longitude = w.Point.Lon, latitude = w.Point.Lat,
            photoIds = new[] { before }, onTheSpot = true, onTheSpotComment = "已劝导住户清理", afterPhotoIds = new[] { after },
        });
        Assert.Equal(CaseStatus.Closed, settled.Case.Status);
        Assert.Equal(CaseSource.Patrol, settled.Case.Source);
        Assert.True(settled.OnTheSpot);
        Assert.Equal([CaseAction.Report, CaseAction.CloseOnTheSpot], settled.History.Select(h => h.Action));
        // A patrol case is rated by the community on a return visit (回访).
        var rated = await Move(w.CommunityA, settled.Case.Id, "rate", new { rating = "Satisfied", comment = "回访满意" });
        Assert.Equal(CaseStatus.Rated, rated.Case.Status);
        // A resident may not settle on the spot.
        var resident = await w.Resident.PostAsJsonAsync("/api/cases", new
        {
            itemCode = w.Item.Code, description = "x", longitude = w.Point.Lon, latitude = w.Point.Lat, onTheSpot = true,
        });
        Assert.Equal("case.on_the_spot_not_allowed", await resident.ProblemCode());
    }
}
