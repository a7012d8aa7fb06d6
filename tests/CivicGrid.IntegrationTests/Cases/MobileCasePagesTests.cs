using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using static CivicGrid.IntegrationTests.Infrastructure.PhoneForms;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// The phone pages of the loop over HTTP: the case page shows a case only to who may see it, the notice list reads the
/// notices, and the plain forms behind /m/cases/{id}/rate|verify (CaseForms) move the case once, with photos, and send
/// refusals back to the page as a code.
/// </summary>
public sealed class MobileCasePagesTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Case_page_shows_the_case_to_its_reporter_and_is_not_found_for_another_resident(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync(body: w.Report("单元门禁损坏，无法关闭"));

        var mine = await w.Resident.GetAsync($"/m/cases/{c.Case.Id}");
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var html = await mine.Content.ReadAsStringAsync();
        Assert.Contains(c.Case.Number, html);
        Assert.Contains("单元门禁损坏，无法关闭", html);
        Assert.Contains("已上报", html);

        var theirs = await w.OtherResident.GetAsync($"/m/cases/{c.Case.Id}");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        var other = await theirs.Content.ReadAsStringAsync();
        Assert.DoesNotContain(c.Case.Number, other);
        Assert.DoesNotContain("单元门禁损坏", other);

        var list = await w.Resident.GetStringAsync("/m/cases");
        Assert.Contains(c.Case.Number, list);
        Assert.DoesNotContain(c.Case.Number, await w.OtherResident.GetStringAsync("/m/cases"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Opening_the_notice_list_reads_the_notices_and_clears_the_badge(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.ReportAsync();
        await Move(w.CommunityA, c.Case.Id, "accept");
        await Move(w.CommunityA, c.Case.Id, "dispatch", new { leadUnitId = w.Cityscape.Id });
        Assert.Contains("data-testid=\"notices-badge\"", await w.Resident.GetStringAsync("/m"));
        var unread = await w.Resident.Get<List<NoticeDto>>("/api/cases/notices?unreadOnly=true");
        Assert.Equal([NoticeMessage.DispatchedTo, NoticeMessage.Accepted], unread.Select(n => n.Message));
        Assert.Equal($"已派至{w.Cityscape.Name}办理", unread[0].Text);
        Assert.Equal(w.Cityscape.Name, unread[0].Argument);

        var page = await w.Resident.GetStringAsync("/m/notices");
        Assert.Contains("您反映的问题已受理", page);
        Assert.Contains($"已派至{w.Cityscape.Name}办理", page);
        Assert.Contains($"href=\"/m/cases/{c.Case.Id}\"", page);

        Assert.Empty(await w.Resident.Get<List<NoticeDto>>("/api/cases/notices?unreadOnly=true"));
        Assert.DoesNotContain("data-testid=\"notices-badge\"", await w.Resident.GetStringAsync("/m"));

        var english = await w.Resident.GetStringAsync("/m/notices?culture=en");
        Assert.Contains("Your report has been accepted", english);
        Assert.Contains($"Sent to {w.Cityscape.Name} to handle", english);
        Assert.DoesNotContain("您反映的问题已受理", english);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Reporter_rates_a_closed_case_from_the_form_once_and_a_second_tap_is_sent_back_as_a_code(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.HandledAsync();
        await Move(w.GridWorker, c.Case.Id, "verify", new { passed = true });
        var closed = await Move(w.CommunityA, c.Case.Id, "close", new { solved = true });
        var resident = Forms(w.App, w.Resident);
        var page = await resident.GetStringAsync($"/m/cases/{c.Case.Id}");
        Assert.Contains("data-testid=\"rate-form\"", page);

        var form = Form(page, ("rating", "Satisfied"), ("comment", " 很及时 "), ("version", closed.Case.Version.ToString()));
        var first = await resident.PostAsync($"/m/cases/{c.Case.Id}/rate", form);
        Assert.Equal($"/m/cases/{c.Case.Id}?done=true", Landed(first));
        Assert.Contains("已提交。", await resident.GetStringAsync(Landed(first)));
        var again = await resident.PostAsync($"/m/cases/{c.Case.Id}/rate",
            Form(page, ("rating", "Dissatisfied"), ("version", closed.Case.Version.ToString())));
        Assert.Equal($"/m/cases/{c.Case.Id}?error=concurrency.stale", Landed(again));
        Assert.Contains("数据已被他人修改，请刷新后重试。", await resident.GetStringAsync(Landed(again)));

        var detail = await w.Resident.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}");
        Assert.Equal(CaseStatus.Rated, detail.Case.Status);
        Assert.Equal(Satisfaction.Satisfied, detail.Rating);
        Assert.Single(detail.History, h => h.Action == CaseAction.Rate && h.Comment == "很及时");
        var rated = await w.Resident.GetStringAsync($"/m/cases/{c.Case.Id}?done=true");
        Assert.Contains("已评价：满意", rated);
        Assert.DoesNotContain("data-testid=\"rate-form\"", rated);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Rating_form_is_refused_without_an_antiforgery_token_or_a_rating_and_for_another_resident(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.HandledAsync();
        await Move(w.GridWorker, c.Case.Id, "verify", new { passed = true });
        await Move(w.CommunityA, c.Case.Id, "close", new { solved = true });

        var resident = Forms(w.App, w.Resident);
        var forged = await resident.PostAsync($"/m/cases/{c.Case.Id}/rate",
            new FormUrlEncodedContent([new("rating", "Dissatisfied")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var page = await resident.GetStringAsync($"/m/cases/{c.Case.Id}");
        var empty = await resident.PostAsync($"/m/cases/{c.Case.Id}/rate", Form(page, ("comment", "忘了选")));
        Assert.Equal($"/m/cases/{c.Case.Id}?error=case.rating_required", Landed(empty));
        Assert.Contains("请选择评价结果。", await resident.GetStringAsync(Landed(empty)));

        var other = Forms(w.App, w.OtherResident);
        var stranger = await other.GetStringAsync("/m");
        var theirs = await other.PostAsync($"/m/cases/{c.Case.Id}/rate", Form(stranger, ("rating", "Dissatisfied")));
        Assert.Equal($"/m/cases/{c.Case.Id}", Landed(theirs)); // out of sight: not found there

        Assert.Equal(CaseStatus.Closed, (await w.Resident.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}")).Case.Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Grid_worker_verifies_from_the_form_failing_needs_a_reason_and_a_photo_goes_with_the_step(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.HandledAsync();
        var worker = Forms(w.App, w.GridWorker);
        var page = await worker.GetStringAsync($"/m/cases/{c.Case.Id}");
        Assert.Contains("data-testid=\"verify-form\"", page);

        var noReason = await worker.PostAsync($"/m/cases/{c.Case.Id}/verify", Multipart(page, [("passed", "false")]));
        Assert.Equal($"/m/cases/{c.Case.Id}?error=case.reason_required", Landed(noReason));
        var notAPhoto = await worker.PostAsync($"/m/cases/{c.Case.Id}/verify",
            Multipart(page, [("passed", "true")], ("note.txt", "text/plain", "不是照片"u8.ToArray())));
        Assert.Equal($"/m/cases/{c.Case.Id}?error=file.type_not_allowed", Landed(notAPhoto));
        Assert.Equal(CaseStatus.Handled, (await w.GridWorker.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}")).Case.Status);

        var passed = await worker.PostAsync($"/m/cases/{c.Case.Id}/verify",
            Multipart(page, [("passed", "true"), ("comment", "现场已整洁")], ("recheck.png", "image/png", Png)));
        Assert.Equal($"/m/cases/{c.Case.Id}?done=true", Landed(passed));

        var detail = await w.GridWorker.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}");
        Assert.Equal(CaseStatus.Verified, detail.Case.Status);
        var step = Assert.Single(detail.History, h => h.Action == CaseAction.Verify);
        Assert.Equal("现场已整洁", step.Comment);
        var photo = Assert.Single(step.Attachments);
        Assert.Equal(Png, await (await w.Resident.GetAsync(photo.Url)).Content.ReadAsByteArrayAsync());
        await using var db = w.App.Db();
        Assert.All(db.Uploads.Where(u => u.FileName == "recheck.png").ToList(), u => Assert.NotNull(u.UsedAt)); // attached, not left over
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_departments_officer_signs_for_handles_with_a_photo_and_returns_from_the_phone(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.DispatchedAsync();
        var returned = await w.DispatchedAsync();
        var officer = Forms(w.App, w.CityscapeStaff);
        Assert.Contains("data-testid=\"unit-work-link\"", await officer.GetStringAsync("/m"));
        Assert.DoesNotContain("data-testid=\"unit-work-link\"", await Forms(w.App, w.Resident).GetStringAsync("/m"));
        var work = await officer.GetStringAsync("/m/work");
        Assert.Contains(c.Case.Number, work);
        Assert.Contains(returned.Case.Number, work);
        // Another department's officer has none of it, and cannot act on it.
        var housing = Forms(w.App, w.HousingStaff);
        Assert.DoesNotContain(c.Case.Number, await housing.GetStringAsync("/m/work"));
        var housingPage = await housing.GetStringAsync("/m");
        Assert.Equal($"/m/cases/{c.Case.Id}", Landed(await housing.PostAsync($"/m/cases/{c.Case.Id}/sign-for", Form(housingPage))));

        string Version(string page) => System.Text.RegularExpressions.Regex.Match(page, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        async Task<string> Post(string action, HttpContent form) => Landed(await officer.PostAsync($"/m/cases/{c.Case.Id}/{action}", form));
        var page = await officer.GetStringAsync($"/m/cases/{c.Case.Id}");
        Assert.Contains("data-testid=\"sign-for-submit\"", page);
        Assert.DoesNotContain("data-testid=\"handled-form\"", page);
        Assert.Equal($"/m/cases/{c.Case.Id}?done=true", await Post("sign-for", Form(page, ("version", Version(page)))));
        page = await officer.GetStringAsync($"/m/cases/{c.Case.Id}");
        Assert.Equal($"/m/cases/{c.Case.Id}?done=true", await Post("start", Form(page, ("version", Version(page)))));
        page = await officer.GetStringAsync($"/m/cases/{c.Case.Id}");
        Assert.Contains("data-testid=\"handled-form\"", page);
        Assert.Equal($"/m/cases/{c.Case.Id}?error=case.comment_required", await Post("handled", Multipart(page, [("version", Version(page))])));
        Assert.Equal($"/m/cases/{c.Case.Id}?done=true",
            await Post("handled", Multipart(page, [("version", Version(page)), ("comment", "已清运")], ("after.png", "image/png", Png))));
        // A second tap carries the version it was shown with: the case has moved on, and nothing happens twice.
        Assert.Equal($"/m/cases/{c.Case.Id}?error=concurrency.stale",
            await Post("handled", Multipart(page, [("version", Version(page)), ("comment", "已清运")])));
        var detail = await w.CityscapeStaff.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}");
        Assert.Equal(CaseStatus.Handled, detail.Case.Status);
        var step = Assert.Single(detail.History, h => h.Action == CaseAction.ReportHandled);
        Assert.Equal("已清运", step.Comment);
        Assert.Single(step.Attachments);
        Assert.DoesNotContain(c.Case.Number, await officer.GetStringAsync("/m/work"));

        // Not ours: returned with a reason, back to the dispatcher.
        var other = await officer.GetStringAsync($"/m/cases/{returned.Case.Id}");
        Assert.Contains("data-testid=\"return-form\"", other);
        Assert.Equal($"/m/cases/{returned.Case.Id}?error=case.reason_required",
            Landed(await officer.PostAsync($"/m/cases/{returned.Case.Id}/return", Form(other, ("version", Version(other))))));
        Assert.Equal($"/m/cases/{returned.Case.Id}?done=true", Landed(await officer.PostAsync($"/m/cases/{returned.Case.Id}/return",
            Form(other, ("version", Version(other)), ("reason", "不属于本单位职责")))));
        Assert.Equal(1, (await w.CommunityA.Get<CaseDetailDto>($"/api/cases/{returned.Case.Id}")).Case.ReturnCount);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Verification_form_needs_the_verify_permission_and_the_case_in_the_checkers_area(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        var c = await w.HandledAsync();
        var resident = Forms(w.App, w.Resident);
        var residentPage = await resident.GetStringAsync($"/m/cases/{c.Case.Id}");
        Assert.DoesNotContain("data-testid=\"verify-form\"", residentPage);
        var refused = await resident.PostAsync($"/m/cases/{c.Case.Id}/verify", Multipart(residentPage, [("passed", "true")]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var communityB = Forms(w.App, w.CommunityB);
        var other = await communityB.GetStringAsync("/m");
        var outside = await communityB.PostAsync($"/m/cases/{c.Case.Id}/verify", Multipart(other, [("passed", "true")]));
        Assert.Equal($"/m/cases/{c.Case.Id}", Landed(outside));
        Assert.Equal(CaseStatus.Handled, (await w.GridWorker.Get<CaseDetailDto>($"/api/cases/{c.Case.Id}")).Case.Status);
    }

    sealed record NoticeDto(long Id, Guid CaseId, string CaseNumber, string Text, NoticeMessage? Message, string? Argument, bool Read);
}
