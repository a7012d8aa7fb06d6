using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Cases;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Volunteering;

/// <summary>Micro-wishes from post to confirmation, and the yearly service report of a member and of a unit.</summary>
public sealed class WishAndReportTests(Apps apps) : IClassFixture<Apps>
{
    static async Task<WishDto> Post(HttpClient who, object body)
    {
        var response = await who.PostAsJsonAsync("/api/volunteering/wishes", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WishDto>(Http.Json))!;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_phones_wish_form_sent_twice_or_at_once_posts_one_wish(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var elder = w.District.ResidentsOf(w.District.CommunityA).Skip(1).First();
        var userName = await A.Account(w.App, Roles.Resident, A.SelfScope(elder.Entity));
        var me = PhoneForms.Forms(w.App, await w.App.ClientFor(userName));
        var title = $"想要一副老花镜 {Guid.NewGuid():N}"[..20];
        async Task<int> Posted()
        {
            await using var db = w.App.Db();
            return await db.MicroWishes.CountAsync(x => x.Title == title);
        }
        async Task<string[]> Send(string page, int taps) => await Task.WhenAll(Enumerable.Range(0, taps).Select(async _ =>
            PhoneForms.Landed(await me.PostAsync("/m/wishes", PhoneForms.Form(page, ("title", title), ("formId", FormIdOf(page)))))));

        var page = await me.GetStringAsync("/m/wishes");
        Assert.All(await Send(page, 3), landed => Assert.Equal("/m/wishes?done=posted", landed)); // three taps at once
        Assert.All(await Send(page, 1), landed => Assert.Equal("/m/wishes?done=posted", landed)); // and once more, later
        Assert.Equal(1, await Posted());
        // The page shown again is a new form: it posts a second wish.
        await Send(await me.GetStringAsync("/m/wishes"), 1);
        Assert.Equal(2, await Posted());

        // The ids are kept for a week: a new form sent by the account clears its older ones.
        var old = Guid.NewGuid();
        Guid account;
        await using (var db = w.App.Db())
        {
            account = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
            db.FormSubmissions.Add(new FormSubmission { AccountId = account, FormId = old, At = w.App.Clock.GetUtcNow() - FormOnce.Keep - TimeSpan.FromHours(1) });
            await db.SaveChangesAsync();
        }
        await Send(await me.GetStringAsync("/m/wishes"), 1);
        await using (var db = w.App.Db())
        {
            var kept = await db.FormSubmissions.Where(f => f.AccountId == account).Select(f => f.FormId).ToListAsync();
            Assert.Equal(3, kept.Count);
            Assert.DoesNotContain(old, kept);
        }
    }

    static string FormIdOf(string page) =>
        System.Text.RegularExpressions.Regex.Match(page, "name=\"formId\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;

    [Theory, OnSqlite, OnPostgres]
    public async Task A_wish_is_claimed_once_fulfilled_with_a_photo_and_confirmed_by_the_resident_earning_points_once(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var elder = w.District.ResidentsOf(w.District.CommunityA).Last();
        var resident = await w.App.ClientFor(await A.Account(w.App, Roles.Resident, A.SelfScope(elder.Entity)));
        var wish = await Post(resident, new { title = "想要一台收音机", description = "独居，想听戏" });
        Assert.Equal("Open", wish.Status);
        var (first, second) = (await w.VolunteerAsync(), await w.VolunteerAsync());
        Assert.Contains(await second.Get<List<WishDto>>("/api/volunteering/wishes?show=Open"), x => x.Id == wish.Id);

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/claim", new { })).StatusCode);
        var taken = await second.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/claim", new { });
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal("volunteer.wish_taken", await taken.ProblemCode());
        // Once claimed it leaves the board: the other volunteer no longer sees it at all.
        Assert.Equal(HttpStatusCode.NotFound, await second.StatusOf(HttpMethod.Get, $"/api/volunteering/wishes/{wish.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await second.StatusOf(HttpMethod.Post, $"/api/volunteering/wishes/{wish.Id}/fulfil", new { note = "x" }));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/volunteering/wishes/{wish.Id}"));

        var early = await resident.PostAsync($"/api/volunteering/wishes/{wish.Id}/confirm", null);
        Assert.Equal("volunteer.wish_not_fulfilled", await early.ProblemCode());
        var noPhoto = await first.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/fulfil", new { note = "已送到" });
        Assert.Equal("volunteer.wish_proof_required", await noPhoto.ProblemCode());
        var othersPhoto = await CaseWorld.UploadPngAsync(second);
        var stolen = await first.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/fulfil", new { note = "已送到", photoIds = new[] { othersPhoto } });
        Assert.Equal("volunteer.upload_unknown", await stolen.ProblemCode());

        var photo = await CaseWorld.UploadPngAsync(first);
        var fulfilled = await first.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/fulfil", new { note = "已送到", photoIds = new[] { photo } });
        Assert.Equal(HttpStatusCode.OK, fulfilled.StatusCode);
        var seen = await resident.Get<WishDto>($"/api/volunteering/wishes/{wish.Id}");
        Assert.Equal(("Fulfilled", true), (seen.Status, seen.MineToConfirm));
        var photoId = Assert.Single(seen.PhotoIds);
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync($"/api/volunteering/wishes/{wish.Id}/photos/{photoId}")).StatusCode);

        // The fulfiller cannot confirm their own work.
        Assert.Equal(HttpStatusCode.NotFound, await first.StatusOf(HttpMethod.Post, $"/api/volunteering/wishes/{wish.Id}/confirm"));
        Assert.Equal(HttpStatusCode.OK, (await resident.PostAsync($"/api/volunteering/wishes/{wish.Id}/confirm", null)).StatusCode);
        var twice = await w.StaffA.PostAsync($"/api/volunteering/wishes/{wish.Id}/confirm", null);
        Assert.Equal("volunteer.wish_not_fulfilled", await twice.ProblemCode());

        await using var db = w.App.Db();
        var raised = Assert.Single(await db.PointsEvents.Where(e => e.SourceId == wish.Id).ToListAsync());
        Assert.Equal(PointsEventKinds.WishFulfilled, raised.Kind);
        Assert.Equal(w.District.CommunityA.AreaCode, raised.AreaCode);
        Assert.Equal((await db.MicroWishes.SingleAsync(x => x.Id == wish.Id)).ClaimedByAccountId, raised.AccountId);
        Assert.Equal("Confirmed", (await first.Get<List<WishDto>>("/api/volunteering/wishes?show=Claimed")).Single(x => x.Id == wish.Id).Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Staff_post_for_a_resident_of_their_community_and_confirm_for_them_and_a_unit_claims_only_for_itself(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var inA = w.District.ResidentsOf(w.District.CommunityA).First();
        var inB = w.District.ResidentsOf(w.District.CommunityB).First();
        var outside = await w.StaffA.PostAsJsonAsync("/api/volunteering/wishes", new { title = "修门锁", residentId = inB.Entity.Id });
        Assert.Equal("volunteer.wish_invalid", await outside.ProblemCode());
        var wish = await Post(w.StaffA, new { title = "修门锁", residentId = inA.Entity.Id });

        var forOther = await w.UnitClient.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/claim", new { unitId = w.OtherUnit.Id });
        Assert.Equal(HttpStatusCode.NotFound, forOther.StatusCode);
        var claimed = await w.UnitClient.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/claim", new { unitId = w.Unit.Id });
        Assert.Equal(w.Unit.Name, (await claimed.Content.ReadFromJsonAsync<WishDto>(Http.Json))!.ClaimedBy);
        // The unit's other accounts see what it claimed.
        var colleague = await w.App.ClientFor(await A.Account(w.App, Roles.CoBuildingUnit, A.UnitScope(w.Unit.Id)));
        Assert.Equal(HttpStatusCode.OK, await colleague.StatusOf(HttpMethod.Get, $"/api/volunteering/wishes/{wish.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await w.OtherUnitClient.StatusOf(HttpMethod.Get, $"/api/volunteering/wishes/{wish.Id}"));

        var photo = await CaseWorld.UploadPngAsync(w.UnitClient);
        Assert.Equal(HttpStatusCode.OK, (await w.UnitClient.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/fulfil", new { photoIds = new[] { photo } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Post, $"/api/volunteering/wishes/{wish.Id}/confirm"));
        Assert.Equal(HttpStatusCode.OK, (await w.StaffA.PostAsync($"/api/volunteering/wishes/{wish.Id}/confirm", null)).StatusCode);
        await using var db = w.App.Db();
        Assert.Equal(1, await db.PointsEvents.CountAsync(e => e.SourceId == wish.Id && e.Kind == PointsEventKinds.WishFulfilled));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_yearly_report_counts_hours_activities_and_wishes_for_the_member_and_their_unit(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var (member, registration) = await w.RegisterMemberAsync();
        foreach (var length in new[] { 45, 75 })
        {
            var activity = await w.PublishAsync(5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(length));
            Assert.True((await member.PostAsync($"/api/volunteering/activities/{activity.Id}/signup", null)).IsSuccessStatusCode);
            w.App.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.OK, (await VolunteerWorld.Scan(member, activity.Id, "check-in", await w.CodeAsync(activity.Id))).StatusCode);
            w.App.Clock.Advance(TimeSpan.FromMinutes(length));
            Assert.Equal(HttpStatusCode.OK, (await VolunteerWorld.Scan(member, activity.Id, "check-out", await w.CodeAsync(activity.Id))).StatusCode);
        }
        var wish = await Post(w.StaffA, new { title = "买药", residentId = w.District.ResidentsOf(w.District.CommunityA).Last().Entity.Id });
        await member.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/claim", new { });
        await member.PostAsJsonAsync($"/api/volunteering/wishes/{wish.Id}/fulfil", new { photoIds = new[] { await CaseWorld.UploadPngAsync(member) } });
        Assert.Equal(HttpStatusCode.OK, (await w.StaffA.PostAsync($"/api/volunteering/wishes/{wish.Id}/confirm", null)).StatusCode);
        var year = w.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;

        var report = await w.UnitClient.Get<MemberReportDto>($"/api/volunteering/reports/members/{registration.Id}?year={year}");
        Assert.Equal((120, 2.0m, 2, 1, w.Unit.Name), (report.Minutes, report.Hours, report.Activities, report.WishesFulfilled, report.EmployerName));
        Assert.Equal(report.Minutes, (await member.Get<MemberReportDto>($"/api/volunteering/reports/members/{registration.Id}?year={year}")).Minutes);
        Assert.Equal(0, (await w.StaffA.Get<MemberReportDto>($"/api/volunteering/reports/members/{registration.Id}?year={year - 1}")).Minutes);
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/volunteering/reports/members/{registration.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await w.OtherUnitClient.StatusOf(HttpMethod.Get, $"/api/volunteering/reports/members/{registration.Id}"));

        var unit = await w.UnitClient.Get<UnitReportDto>($"/api/volunteering/reports/units/{w.Unit.Id}?year={year}");
        var line = Assert.Single(unit.Members);
        Assert.Equal((registration.Id, 120, 2, 1), (line.RegistrationId, line.Minutes, line.Activities, line.WishesFulfilled));
        Assert.Equal(HttpStatusCode.NotFound, await w.OtherUnitClient.StatusOf(HttpMethod.Get, $"/api/volunteering/reports/units/{w.Unit.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, $"/api/volunteering/reports/units/{w.Unit.Id}"));
        Assert.Single((await w.StaffA.Get<UnitReportDto>($"/api/volunteering/reports/units/{w.Unit.Id}?year={year}")).Members);

        var excel = await w.UnitClient.GetAsync($"/api/volunteering/reports/members/{registration.Id}/excel?year={year}");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        using var sheet = new MemoryStream(await excel.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true, sheetName: "服务报告").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal("2", rows.Single(r => (string)r["项目"] == "服务时长（小时）")["内容"]?.ToString());
    }
}
