using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// The guards of the loop's side paths over HTTP (DOMAIN.md §3): supervision (督办), grid correction, the level, unit
/// and permission checks of reject, close, reopen, extension and merge, and two writes racing without a version. Every
/// refusal leaves the case as it was. 403 and 404 are asserted by status only: their problem codes are not settled.
/// </summary>
public sealed class CaseGuardsTests(Apps apps, ITestOutputHelper output) : IClassFixture<Apps>
{
    sealed record NoticeDto(long Id, Guid CaseId, string CaseNumber, NoticeKind Kind, string Text, DateTimeOffset At, bool Read);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_supervision_notice_needs_the_permission_and_a_text_flags_once_and_reaches_the_lead_unit(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var id = (await w.DispatchedAsync()).Case.Id;
        var before = await w.Street1.Get<CaseDetailDto>($"/api/cases/{id}");

        // Community staff and departments do not supervise; a street outside the case's area does not see it.
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.CommunityA, id, "supervise", new { comment = "请尽快处置" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.CityscapeStaff, id, "supervise", new { comment = "请尽快处置" })).StatusCode);
        var street2 = await app.ClientFor(await A.Account(app, Roles.StreetStaff, A.AreaScope(w.District.Street2)));
        Assert.Equal(HttpStatusCode.NotFound, (await Try(street2, id, "supervise", new { comment = "请尽快处置" })).StatusCode);
        var empty = await Try(w.Street1, id, "supervise", new { comment = "  " });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Equal("case.comment_required", await empty.ProblemCode());
        var untouched = await w.Street1.Get<CaseDetailDto>($"/api/cases/{id}");
        Assert.False(untouched.Case.Supervised);
        Assert.Equal((before.Case.Version, before.History.Count), (untouched.Case.Version, untouched.History.Count));
        Assert.DoesNotContain(await NoticesOf(w.CityscapeStaff, id), n => n.Kind == NoticeKind.Supervision);

        var supervised = await Move(w.Street1, id, "supervise", new { comment = "请于今日内处置完毕" });
        Assert.True(supervised.Case.Supervised);
        Assert.Equal(CaseStatus.Dispatched, supervised.Case.Status);
        Assert.Equal([CaseAction.FlagSupervision, CaseAction.SendSupervisionNotice], supervised.History.Skip(before.History.Count).Select(h => h.Action));
        Assert.Equal("请于今日内处置完毕", supervised.History[^1].Comment);
        var heard = Assert.Single(await NoticesOf(w.CityscapeStaff, id), n => n.Kind == NoticeKind.Supervision);
        Assert.Equal("督办通知：请于今日内处置完毕", heard.Text);
        Assert.Equal(before.Case.Number, heard.CaseNumber);

        // A district leader sends a second notice: heard again, but the case is flagged only once.
        var leader = await app.ClientFor(await A.Account(app, Roles.Leader, new AccountScope { Kind = ScopeKind.Area, AreaCode = w.District.Code }));
        var again = await Move(leader, id, "supervise", new { comment = "区领导督办：限期办结" });
        Assert.Single(again.History, h => h.Action == CaseAction.FlagSupervision);
        Assert.Equal(2, again.History.Count(h => h.Action == CaseAction.SendSupervisionNotice));
        Assert.Equal(2, (await NoticesOf(w.CityscapeStaff, id)).Count(n => n.Kind == NoticeKind.Supervision));
        Assert.DoesNotContain(await NoticesOf(w.HousingStaff, id), n => n.CaseId == id);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_finished_case_is_not_supervised(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync();
        await Move(w.CommunityA, c.Case.Id, "reject", new { comment = "非本辖区事项" });

        var late = await Try(w.Street1, c.Case.Id, "supervise", new { comment = "请尽快处置" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("case.illegal_transition", await late.ProblemCode());
        var now = await w.Street1.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}");
        Assert.False(now.Case.Supervised);
        Assert.DoesNotContain(now.History, h => h.Action is CaseAction.FlagSupervision or CaseAction.SendSupervisionNotice);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Correcting_the_location_moves_the_case_to_the_grid_community_and_street_of_the_new_point(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var d = w.District;
        var c = await w.ReportAsync();
        var id = c.Case.Id;
        var url = $"/api/cases/{id}";

        // Within the community: another grid of A, with the address given.
        var grid2 = d.GridsOf(d.CommunityA).Skip(1).First();
        var inA = await Move(w.CommunityA, id, "relocate", new { longitude = Centre(grid2).Lon, latitude = Centre(grid2).Lat, address = " 测试路2号 ", version = c.Case.Version });
        Assert.Equal((grid2.AreaCode, grid2.Name, CaseStatus.Reported), (inA.Case.AreaCode, inA.GridName, inA.Case.Status));
        var entry = inA.History[^1];
        Assert.Equal((CaseAction.Relocate, CaseStatus.Reported, CaseStatus.Reported), (entry.Action, entry.From, entry.To));
        Assert.Equal("更正位置：测试路1号 → 测试路2号", entry.Comment);
        Assert.Equal(c.History.Count + 1, inA.History.Count);

        // The street moves it to community B of the same street: B's queues have it now, A's no longer.
        await Move(w.CommunityA, id, "accept");
        var gridB = d.GridsOf(d.CommunityB).First();
        var inB = await Move(w.Street1, id, "relocate", new { longitude = Centre(gridB).Lon, latitude = Centre(gridB).Lat });
        Assert.Equal((gridB.AreaCode, gridB.Name, d.CommunityB.Name, d.Street1.Name), (inB.Case.AreaCode, inB.GridName, inB.CommunityName, inB.StreetName));
        Assert.Equal($"更正位置：测试路2号 → {gridB.Name}", inB.History[^1].Comment); // no address given: the grid's name stands in
        Assert.Equal(CaseStatus.Accepted, inB.Case.Status);
        Assert.Equal(HttpStatusCode.OK, await w.CommunityB.StatusOf(HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.NotFound, await w.CommunityA.StatusOf(HttpMethod.Get, url));
        Assert.Contains(id, (await w.CommunityB.Get<PagedDto<CaseDto>>("/api/cases?pageSize=100")).Items.Select(x => x.Id));

        // A district dispatcher moves it to the other street.
        var district = await app.ClientFor(await A.Account(app, Roles.DistrictStaff, new AccountScope { Kind = ScopeKind.Area, AreaCode = d.Code }));
        var gridC = d.GridsOf(d.CommunityC).First();
        var inC = await Move(district, id, "relocate", new { longitude = Centre(gridC).Lon, latitude = Centre(gridC).Lat, address = "二街道某路" });
        Assert.Equal((gridC.AreaCode, d.CommunityC.Name, d.Street2.Name), (inC.Case.AreaCode, inC.CommunityName, inC.StreetName));
        Assert.Equal(HttpStatusCode.NotFound, await w.Street1.StatusOf(HttpMethod.Get, url));
        Assert.Equal(3, inC.History.Count(h => h.Action == CaseAction.Relocate));

        await using var db = app.Db();
        var stored = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id);
        Assert.Equal((gridC.AreaCode, Centre(gridC).Lon, Centre(gridC).Lat, "二街道某路"), (stored.AreaCode, stored.Longitude, stored.Latitude, stored.Address));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_location_correction_is_refused_outside_every_grid_outside_the_callers_scope_at_the_wrong_level_or_state(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var d = w.District;
        var c = await w.ReportAsync();
        var id = c.Case.Id;
        var gridA2 = Centre(d.GridsOf(d.CommunityA).Skip(1).First());
        var gridB = Centre(d.GridsOf(d.CommunityB).First());
        var gridC = Centre(d.GridsOf(d.CommunityC).First());

        async Task Refused(HttpClient who, (double Lon, double Lat) to, HttpStatusCode status, string code)
        {
            var response = await Try(who, id, "relocate", new { longitude = to.Lon, latitude = to.Lat });
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(code, await response.ProblemCode());
        }
        await Refused(w.CommunityA, (10.0, 10.0), HttpStatusCode.UnprocessableEntity, "case.outside_grids");
        // Community A cannot push its case into community B, nor street 1 into street 2.
        await Refused(w.CommunityA, gridB, HttpStatusCode.Conflict, "case.point_outside_scope");
        await Refused(w.Street1, gridC, HttpStatusCode.Conflict, "case.point_outside_scope");
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.GridWorker, id, "relocate", new { longitude = gridA2.Lon, latitude = gridA2.Lat })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Try(w.CommunityB, id, "relocate", new { longitude = gridB.Lon, latitude = gridB.Lat })).StatusCode);

        // Lifted to the street, the community no longer corrects it.
        await Move(w.CommunityA, id, "escalate", new { comment = "需街道协调" });
        await Refused(w.CommunityA, gridA2, HttpStatusCode.Conflict, "case.not_your_level");
        // Once dispatched, the location is the units' to work with, not the dispatcher's to change.
        await Move(w.Street1, id, "dispatch", new { leadUnitId = w.Cityscape.Id });
        await Refused(w.Street1, gridA2, HttpStatusCode.Conflict, "case.illegal_transition");

        var now = await w.Street1.Get<CaseDetailDto>($"/api/cases/{id}");
        Assert.Equal(w.Grid.AreaCode, now.Case.AreaCode);
        Assert.DoesNotContain(now.History, h => h.Action == CaseAction.Relocate);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_reject_needs_the_cases_level_and_a_reason(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var c = await w.ReportAsync();
        var id = c.Case.Id;

        // A dispatcher who sees the case but works below the community level (a grid-scoped account) cannot reject it.
        var gridDispatcher = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(w.Grid)));
        var low = await Try(gridDispatcher, id, "reject", new { comment = "不属于受理范围" });
        Assert.Equal(HttpStatusCode.Conflict, low.StatusCode);
        Assert.Equal("case.not_your_level", await low.ProblemCode());
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.GridWorker, id, "reject", new { comment = "不属于受理范围" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.CityscapeStaff, id, "reject", new { comment = "不属于受理范围" })).StatusCode);
        foreach (var body in new object[] { new { }, new { comment = " " } })
        {
            var bare = await Try(w.CommunityA, id, "reject", body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bare.StatusCode);
            Assert.Equal("case.reason_required", await bare.ProblemCode());
        }
        var now = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{id}");
        Assert.Equal((CaseStatus.Reported, c.Case.Version, 1), (now.Case.Status, now.Case.Version, now.History.Count));

        var rejected = await Move(w.CommunityA, id, "reject", new { comment = "不属于受理范围" });
        Assert.Equal(CaseStatus.Rejected, rejected.Case.Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_the_level_that_holds_the_case_closes_it_and_a_grid_worker_never(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync();
        var id = c.Case.Id;
        await Move(w.CommunityA, id, "escalate", new { comment = "涉及多个部门" });
        await Move(w.Street1, id, "dispatch", new { leadUnitId = w.Cityscape.Id });
        await Move(w.CityscapeStaff, id, "sign-for");
        await Move(w.CityscapeStaff, id, "start");
        await Move(w.CityscapeStaff, id, "handled", new { comment = "已处置" });
        var verified = await Move(w.GridWorker, id, "verify", new { passed = true });
        Assert.Equal(CaseStatus.Verified, verified.Case.Status);

        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.GridWorker, id, "close", new { solved = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.CityscapeStaff, id, "close", new { solved = true })).StatusCode);
        var community = await Try(w.CommunityA, id, "close", new { solved = true });
        Assert.Equal(HttpStatusCode.Conflict, community.StatusCode);
        Assert.Equal("case.not_your_level", await community.ProblemCode());
        var now = await w.Street1.Get<CaseDetailDto>($"/api/cases/{id}");
        Assert.Equal((CaseStatus.Verified, verified.Case.Version), (now.Case.Status, now.Case.Version));

        var closed = await Move(w.Street1, id, "close", new { solved = true });
        Assert.Equal(CaseStatus.Closed, closed.Case.Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_department_neither_reopens_a_case_nor_decides_its_own_extension(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var extending = await w.DispatchedAsync();
        await Move(w.CityscapeStaff, extending.Case.Id, "sign-for");
        var asked = await Move(w.CityscapeStaff, extending.Case.Id, "extension", new { days = 2, reason = "需协调产权单位" });
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.CityscapeStaff, extending.Case.Id, "extension/decision", new { grant = true, comment = "同意" })).StatusCode);
        var pending = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{extending.Case.Id}");
        Assert.Equal((2, asked.Case.HandlingDue, asked.Case.Version), (pending.PendingExtensionDays, pending.Case.HandlingDue, pending.Case.Version));

        var c = await w.HandledAsync();
        await Move(w.GridWorker, c.Case.Id, "verify", new { passed = true });
        await Move(w.CommunityA, c.Case.Id, "close", new { solved = true });
        var rated = await Move(w.Resident, c.Case.Id, "rate", new { rating = "Dissatisfied", comment = "没有解决" });
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.CityscapeStaff, c.Case.Id, "reopen", new { comment = "我们再处理一次" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Try(w.GridWorker, c.Case.Id, "reopen", new { comment = "居民不满意" })).StatusCode);
        var still = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}");
        Assert.Equal((CaseStatus.Rated, 0, rated.Case.Version), (still.Case.Status, still.Case.ReopenCount, still.Case.Version));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_is_not_merged_into_a_finished_one(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var finished = await w.HandledAsync();
        await Move(w.GridWorker, finished.Case.Id, "verify", new { passed = true });
        var closed = await Move(w.CommunityA, finished.Case.Id, "close", new { solved = true });
        var rejected = await w.ReportAsync(w.OtherResident);
        await Move(w.CommunityA, rejected.Case.Id, "reject", new { comment = "重复反映" });
        var duplicate = await w.ReportAsync(w.OtherResident);

        foreach (var target in new[] { closed.Case.Id, rejected.Case.Id })
        {
            var refused = await Try(w.CommunityA, duplicate.Case.Id, "merge", new { intoCaseId = target });
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("case.merge_target_closed", await refused.ProblemCode());
        }
        var now = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{duplicate.Case.Id}");
        Assert.Equal((CaseStatus.Reported, (Guid?)null, duplicate.Case.Version), (now.Case.Status, now.MergedIntoId, now.Case.Version));
        var stillClosed = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{closed.Case.Id}");
        Assert.Equal(closed.History.Count, stillClosed.History.Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Two_accepts_racing_without_a_version_make_one_move_and_the_other_is_a_409(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var codes = new List<string?>();
        for (var round = 0; round < 8; round++)
        {
            var c = await w.ReportAsync();
            var responses = await Task.WhenAll(
                Task.Run(() => Try(w.CommunityA, c.Case.Id, "accept", new { comment = "受理" })),
                Task.Run(() => Try(w.Street1, c.Case.Id, "accept", new { comment = "受理" })));

            var statuses = responses.Select(r => r.StatusCode).Order().ToList();
            var bodies = string.Join(" | ", await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync())));
            Assert.True(statuses.SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]), $"round {round}: {string.Join(",", statuses)} {bodies}");
            var loser = responses.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            // Read after the race: the stale write's own code; read before it was settled, the accepted case's state.
            var code = await loser.ProblemCode();
            Assert.Contains(code, new[] { CivicGrid.Shared.Error.StaleWrite.Code, "case.illegal_transition" });
            codes.Add(code);

            var now = await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}");
            Assert.Equal(CaseStatus.Accepted, now.Case.Status);
            Assert.Equal([CaseAction.Report, CaseAction.Accept], now.History.Select(h => h.Action));
            await using var db = app.Db();
            Assert.Equal(1, await db.CaseTransitions.CountAsync(t => t.CaseId == c.Case.Id && t.Action == CaseAction.Accept));
        }
        output.WriteLine($"[{provider}] racing accepts lost with: {string.Join(", ", codes)}");
    }

    static (double Lon, double Lat) Centre(Modules.Areas.Domain.Area grid) => (grid.Boundary!.Centroid.X, grid.Boundary.Centroid.Y);

    static async Task<List<NoticeDto>> NoticesOf(HttpClient who, Guid caseId) =>
        (await who.Get<List<NoticeDto>>("/api/cases/notices")).Where(n => n.CaseId == caseId).ToList();
}
