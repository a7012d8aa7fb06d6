using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Cases;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace CivicGrid.IntegrationTests.Volunteering;

/// <summary>The yearly service reports as PDF, read back with PdfPig: addressed to the employer, the right hours, paged, scoped.</summary>
public sealed class ServiceReportPdfTests(Apps apps) : IClassFixture<Apps>
{
    sealed record Pdf(int Pages, List<string> PageTexts)
    {
        /// <summary>All text without whitespace: the extractor's spacing between glyphs is not the report's business.</summary>
        public string Text => string.Concat(PageTexts).Squeezed();
    }

    static async Task<Pdf> DownloadAsync(HttpClient who, string url)
    {
        var response = await who.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return new Pdf(pdf.NumberOfPages, pdf.GetPages().Select(p => p.Text).ToList());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_member_report_is_a_letter_to_the_employer_with_the_year_and_hours_and_the_unit_report_lists_the_member(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var (member, registration) = await w.RegisterMemberAsync();
        int[] lengths = [50, 47];
        foreach (var length in lengths)
        {
            var activity = await w.PublishAsync(5, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(length), title: $"楼道清理{length}");
            Assert.True((await member.PostAsync($"/api/volunteering/activities/{activity.Id}/signup", null)).IsSuccessStatusCode);
            w.App.Clock.Advance(TimeSpan.FromMinutes(1));
            Assert.Equal(HttpStatusCode.OK, (await VolunteerWorld.Scan(member, activity.Id, "check-in", await w.CodeAsync(activity.Id))).StatusCode);
            w.App.Clock.Advance(TimeSpan.FromMinutes(length));
            Assert.Equal(HttpStatusCode.OK, (await VolunteerWorld.Scan(member, activity.Id, "check-out", await w.CodeAsync(activity.Id))).StatusCode);
        }
        var wish = await w.StaffA.PostAsJsonAsync("/api/volunteering/wishes", new { title = "帮独居老人买降压药", residentId = w.District.ResidentsOf(w.District.CommunityA).Last().Entity.Id });
        var wishId = (await wish.Content.ReadFromJsonAsync<WishDto>(Http.Json))!.Id;
        await member.PostAsJsonAsync($"/api/volunteering/wishes/{wishId}/claim", new { });
        await member.PostAsJsonAsync($"/api/volunteering/wishes/{wishId}/fulfil", new { photoIds = new[] { await CaseWorld.UploadPngAsync(member) } });
        Assert.Equal(HttpStatusCode.OK, (await w.StaffA.PostAsync($"/api/volunteering/wishes/{wishId}/confirm", null)).StatusCode);
        var year = w.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        // 50 + 47 = 97 minutes = 1.6 hours to one decimal.
        var hours = Math.Round(lengths.Sum() / 60m, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

        var url = $"/api/volunteering/reports/members/{registration.Id}/pdf?year={year}";
        var response = await w.UnitClient.GetAsync(url);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.Equal($"{w.Member.Name}-{year}年度志愿服务报告.pdf", disposition?.FileNameStar);
        var letter = await DownloadAsync(w.UnitClient, url);
        Assert.Equal(1, letter.Pages);
        foreach (var expected in new[] { $"致{w.Unit.Name}", $"{year}年度志愿服务报告", w.Member.Name, w.District.CommunityA.Name, $"累计服务{hours}小时",
                     "楼道清理50", "楼道清理47", "帮独居老人买降压药" })
            Assert.Contains(expected.Squeezed(), letter.Text);
        // The member sees their own letter; another community's staff and another unit do not.
        Assert.Contains(w.Member.Name, (await DownloadAsync(member, url)).Text);
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, url));
        Assert.Equal(HttpStatusCode.NotFound, await w.OtherUnitClient.StatusOf(HttpMethod.Get, url));

        var unitUrl = $"/api/volunteering/reports/units/{w.Unit.Id}/pdf?year={year}";
        var unit = await DownloadAsync(w.UnitClient, unitUrl);
        foreach (var expected in new[] { $"致{w.Unit.Name}", $"{year}年度志愿服务报告", w.Member.Name, $"累计服务{hours}小时" })
            Assert.Contains(expected.Squeezed(), unit.Text);
        Assert.Contains(w.Member.Name, (await DownloadAsync(w.StaffA, unitUrl)).Text);
        Assert.Equal(HttpStatusCode.NotFound, await w.OtherUnitClient.StatusOf(HttpMethod.Get, unitUrl));
        Assert.Equal(HttpStatusCode.NotFound, await w.StaffB.StatusOf(HttpMethod.Get, unitUrl));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_long_report_continues_its_table_on_further_pages(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var (_, registration) = await w.RegisterMemberAsync();
        var year = w.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).Year;
        var january = new DateTimeOffset(year, 1, 5, 9, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime(); // PostgreSQL stores UTC only
        var minutes = Enumerable.Range(1, 60).Select(i => 30 + i).ToList();
        await using (var db = w.App.Db())
        {
            var account = await db.DualRegistrations.Where(r => r.Id == registration.Id).Select(r => r.AccountId).SingleAsync();
            for (var i = 0; i < minutes.Count; i++)
            {
                var startsAt = january.AddDays(4 * i);
                var activity = new VolunteerActivity
                {
                    Id = Guid.NewGuid(), AreaCode = w.District.CommunityA.AreaCode, Title = $"红色星期六第{i + 1}期", StartsAt = startsAt,
                    EndsAt = startsAt.AddHours(2), Address = "甲社区广场", Places = 10, Taken = 1, Turns = 1, CreatedAt = startsAt.AddDays(-1),
                };
                activity.Signups.Add(new ActivitySignup
                {
                    Id = Guid.NewGuid(), ActivityId = activity.Id, AccountId = account, AreaCode = activity.AreaCode, Name = w.Member.Name,
                    EmployerId = w.Unit.Id, Status = SignupStatus.Confirmed, SignedUpAt = startsAt.AddDays(-1), Turn = 1,
                    CheckedInAt = startsAt, CheckedOutAt = startsAt.AddMinutes(minutes[i]), Minutes = minutes[i],
                });
                db.VolunteerActivities.Add(activity);
            }
            await db.SaveChangesAsync();
        }

        var pdf = await DownloadAsync(w.StaffA, $"/api/volunteering/reports/members/{registration.Id}/pdf?year={year}");
        Assert.True(pdf.Pages > 1, $"60 activities on {pdf.Pages} page(s)");
        var hours = Math.Round(minutes.Sum() / 60m, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"累计服务{hours}小时", pdf.Text);
        Assert.Contains("红色星期六第1期", pdf.PageTexts[0].Squeezed());
        Assert.DoesNotContain("红色星期六第60期", pdf.PageTexts[0].Squeezed());
        Assert.Contains("红色星期六第60期", string.Concat(pdf.PageTexts.Skip(1)).Squeezed());
        // The table header is repeated on the page it continues on, and every page is numbered.
        Assert.Contains("活动名称", pdf.PageTexts[1].Squeezed());
        Assert.Contains($"第{pdf.Pages}页/共{pdf.Pages}页", pdf.PageTexts[^1].Squeezed());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Without_a_CJK_font_the_PDF_routes_answer_503_font_missing_and_the_other_formats_still_work(DatabaseProvider provider)
    {
        var w = await VolunteerWorld.CreateAsync(await apps.For(provider));
        var (_, registration) = await w.RegisterMemberAsync();
        await using var noFont = w.App.WithWebHostBuilder(b => b
            .UseSetting("Reports:CjkFontPath", Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.ttc"))
            .UseSetting("Reports:CjkFontSearch", "false"));
        var staff = noFont.CreateClient();
        var token = await (await staff.PostAsJsonAsync("/api/auth/token",
            new { userName = await A.Account(w.App, Roles.CommunityStaff, A.AreaScope(w.District.CommunityA)), password = A.Password }))
            .Content.ReadFromJsonAsync<TokenDto>();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);

        foreach (var url in new[] { $"/api/volunteering/reports/members/{registration.Id}/pdf", $"/api/volunteering/reports/units/{w.Unit.Id}/pdf" })
        {
            var response = await staff.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("report.font_missing", await response.ProblemCode());
        }
        Assert.Equal(HttpStatusCode.OK, await staff.StatusOf(HttpMethod.Get, $"/api/volunteering/reports/members/{registration.Id}/excel"));
        // Scope still comes first: a registration the caller cannot see is a 404, not a hint that it exists.
        Assert.Equal(HttpStatusCode.NotFound, await staff.StatusOf(HttpMethod.Get, $"/api/volunteering/reports/members/{Guid.NewGuid()}/pdf"));
    }

    sealed record TokenDto(string AccessToken);
}

static class PdfText
{
    public static string Squeezed(this string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
}
