using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// What a client may send the case routes and what it cannot: no body at all, a decision left out, text longer than
/// the history keeps, control characters, an over-long idempotency key, a page far past the end. Each refusal is a
/// 4xx with its code, never a 500, and leaves the case as it was.
/// </summary>
public sealed class CaseInputTests(Apps apps) : IClassFixture<Apps>
{
    static async Task<(int Version, int History)> StateOf(HttpClient who, Guid id)
    {
        var c = await who.Get<CaseDetailDto>($"/api/cases/{id}");
        return (c.Case.Version, c.History.Count);
    }

    static async Task Refused(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(code, await response.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_move_without_a_body_is_made_when_it_needs_nothing_and_refused_by_name_when_it_needs_a_field(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var id = (await w.ReportAsync()).Case.Id;

        var reject = await w.CommunityA.PostAsync($"/api/cases/{id}/reject", null);
        await Refused(reject, HttpStatusCode.UnprocessableEntity, "case.reason_required");
        var nullBody = await w.CommunityA.PostAsync($"/api/cases/{id}/reject", new StringContent("null", null, "application/json"));
        await Refused(nullBody, HttpStatusCode.UnprocessableEntity, "case.reason_required");
        var accepted = await w.CommunityA.PostAsync($"/api/cases/{id}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(CaseStatus.Accepted, (await accepted.Content.ReadFromJsonAsync<CaseDetailDto>(Http.Json))!.Case.Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_decision_left_out_of_verify_close_rate_or_an_extension_is_not_taken_as_no(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var id = (await w.HandledAsync()).Case.Id;

        var before = await StateOf(w.CommunityA, id);
        await Refused(await Try(w.GridWorker, id, "verify", new { comment = "看过了" }), HttpStatusCode.UnprocessableEntity, "case.verify_result_required");
        Assert.Equal(before, await StateOf(w.CommunityA, id));
        await Move(w.GridWorker, id, "verify", new { passed = true });

        before = await StateOf(w.CommunityA, id);
        await Refused(await Try(w.CommunityA, id, "close", new { comment = "结案" }), HttpStatusCode.UnprocessableEntity, "case.solved_required");
        Assert.Equal(before, await StateOf(w.CommunityA, id));
        await Move(w.CommunityA, id, "close", new { solved = true });

        before = await StateOf(w.CommunityA, id);
        await Refused(await Try(w.Resident, id, "rate", new { comment = "还行" }), HttpStatusCode.UnprocessableEntity, "case.rating_required");
        await Refused(await Try(w.Resident, id, "rate", new { rating = 7 }), HttpStatusCode.UnprocessableEntity, "case.rating_invalid");
        Assert.Equal(before, await StateOf(w.CommunityA, id));
        Assert.Equal(CaseStatus.Rated, (await Move(w.Resident, id, "rate", new { rating = "Satisfied" })).Case.Status);

        var other = (await w.DispatchedAsync()).Case.Id;
        await Move(w.CityscapeStaff, other, "sign-for");
        await Move(w.CityscapeStaff, other, "extension", new { days = 2, reason = "需协调" });
        before = await StateOf(w.CommunityA, other);
        await Refused(await Try(w.CommunityA, other, "extension/decision", new { comment = "再议" }), HttpStatusCode.UnprocessableEntity, "case.decision_required");
        Assert.Equal(before, await StateOf(w.CommunityA, other));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_comment_or_corrected_address_longer_than_the_history_keeps_is_refused_and_a_long_notice_is_cut_short(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var id = (await w.ReportAsync()).Case.Id;
        await Move(w.CommunityA, id, "accept");
        var before = await StateOf(w.CommunityA, id);

        var address = await Try(w.CommunityA, id, "relocate", new { longitude = w.Point.Lon, latitude = w.Point.Lat, address = new string('长', CaseErrors.MaxAddress + 1) });
        await Refused(address, HttpStatusCode.UnprocessableEntity, "case.address_too_long");
        var comment = await Try(w.CommunityA, id, "dispatch", new { leadUnitId = w.Cityscape.Id, comment = new string('长', CaseErrors.MaxComment + 1) });
        await Refused(comment, HttpStatusCode.UnprocessableEntity, "case.comment_too_long");
        Assert.Equal(before, await StateOf(w.CommunityA, id));

        await Move(w.CommunityA, id, "relocate", new { longitude = w.Point.Lon, latitude = w.Point.Lat, address = new string('长', CaseErrors.MaxAddress) });
        var longest = new string('督', CaseErrors.MaxComment);
        await Move(w.CommunityA, id, "dispatch", new { leadUnitId = w.Cityscape.Id, comment = longest });
        var supervised = await Move(w.Street1, id, "supervise", new { comment = longest });
        Assert.Equal(longest, supervised.History[^1].Comment);
        await using var db = w.App.Db();
        var notice = await db.CaseNotices.SingleAsync(n => n.CaseId == id && n.Kind == NoticeKind.Supervision);
        Assert.Equal(CaseNotices.MaxText, notice.Text.Length);
        Assert.StartsWith("督办通知：督督", notice.Text);
        Assert.EndsWith("…", notice.Text);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Control_characters_are_dropped_from_what_a_report_and_a_move_store(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var tag = Guid.NewGuid().ToString("N");
        var body = new { itemCode = w.Item.Code, description = $"井盖\u0001缺失\u000b{tag}\n请尽快处理", longitude = w.Point.Lon, latitude = w.Point.Lat, address = "测试路\u00021号" };

        var c = await w.ReportAsync(body: body);
        await using (var db = w.App.Db())
        {
            var stored = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == c.Case.Id);
            Assert.Equal($"井盖缺失{tag}\n请尽快处理", stored.Description);
            Assert.Equal("测试路1号", stored.Address);
        }
        var accepted = await Move(w.CommunityA, c.Case.Id, "accept", new { comment = "已\u001b受理" });
        Assert.Equal("已受理", accepted.History[^1].Comment);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_idempotency_key_over_100_characters_is_refused_not_cut_short(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var description = $"标识过长 {Guid.NewGuid():N}";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(w.Report(description)) };
        request.Headers.Add("Idempotency-Key", new string('k', 101));
        await Refused(await w.Resident.SendAsync(request), HttpStatusCode.UnprocessableEntity, "case.idempotency_key_too_long");
        await using var db = w.App.Db();
        Assert.Equal(0, await db.Cases.CountAsync(x => x.Description == description));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_page_far_past_the_end_is_empty_not_the_first_page_again(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        await w.ReportAsync();

        var far = await w.CommunityA.Get<JsonElement>($"/api/cases?queue=All&page={int.MaxValue}&pageSize=100");
        Assert.Empty(far.GetProperty("items").EnumerateArray());
        Assert.True(far.GetProperty("total").GetInt32() > 0);
    }
}
