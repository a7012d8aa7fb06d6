using System.Globalization;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Pdf;
using PdfSharp.Drawing;
using static CivicGrid.Shared.Pdf.ReportDocument;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// The yearly service reports as PDF letters addressed to the employer unit (致 XX单位), the form in which they are
/// filed for the annual review (DOMAIN.md §4). Same data and scope as <see cref="ServiceReports"/>: outside scope a 404;
/// without a CJK font a 503 <c>report.font_missing</c>.
/// </summary>
public static class ServiceReportPdfs
{
    public const string ContentType = "application/pdf";
    static readonly TimeSpan Cst = TimeSpan.FromHours(8);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/reports/members/{id:guid}/pdf", Member).RequireAuthorization();
        group.MapGet("/reports/units/{unitId:guid}/pdf", Unit).RequireAuthorization();
    }

    static async Task<IResult> Member(Guid id, int? year, CivicGridDbContext db, ReportFont font, TimeProvider clock, CancellationToken ct)
    {
        if (await ServiceReports.MemberAsync(db, id, year ?? ServiceYear.Of(clock.GetUtcNow()), ct) is not { } r) return TypedResults.NotFound();
        if (font.Family is not { } family) return ReportFont.Missing.ToProblem();
        var title = $"{r.Year}年度志愿服务报告";
        using var doc = new ReportDocument(family, $"{r.Name} {title}");
        Letterhead(doc, r.EmployerName ?? "所在单位", title);
        doc.Text($"贵单位在职党员{r.Name}同志已向{r.CommunityName}报到（双报到）。{r.Year}年度共参加志愿服务活动{r.Activities}次，" +
                 $"累计服务{Hours(r.Hours)}小时，完成微心愿{r.WishesFulfilled}个。现将具体情况报告如下，供年度考核参考。", after: 10);
        doc.Table([new Column("项目", 1), new Column("内容", 3)],
        [
            ["姓名", r.Name], ["报到社区", r.CommunityName], ["年度", r.Year.ToString(CultureInfo.InvariantCulture)],
            ["服务时长合计", $"{Hours(r.Hours)} 小时（{r.Minutes} 分钟）"], ["参加活动", $"{r.Activities} 次"], ["完成微心愿", $"{r.WishesFulfilled} 个"],
        ]);
        doc.Heading("一、志愿服务活动");
        if (r.Lines.Count == 0) doc.Text("本年度无。");
        else
            doc.Table([new Column("序号", 0.6, XStringAlignment.Center), new Column("日期", 1.3), new Column("活动名称", 4), new Column("时长（小时）", 1.4, XStringAlignment.Far)],
                r.Lines.Select((l, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), Day(l.StartsAt), l.Title,
                    l.Minutes is { } m ? Hours(ServiceReports.HoursOf(m)) + (l.Corrected ? "（已更正）" : "") : "未签退"]));
        doc.Heading("二、完成微心愿");
        if (r.Wishes.Count == 0) doc.Text("本年度无。");
        else
            doc.Table([new Column("序号", 0.6, XStringAlignment.Center), new Column("确认日期", 1.3), new Column("心愿", 5.4)],
                r.Wishes.OrderBy(w => w.ConfirmedAt).Select((w, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), Day(w.ConfirmedAt), w.Title]));
        IssuedBy(doc, r.CommunityName, clock);
        return File(doc, $"{r.Name}-{title}.pdf");
    }

    static async Task<IResult> Unit(Guid unitId, int? year, CivicGridDbContext db, CurrentUser user, ReportFont font, TimeProvider clock, CancellationToken ct)
    {
        if (await ServiceReports.UnitAsync(db, user, unitId, year ?? ServiceYear.Of(clock.GetUtcNow()), ct) is not { } r) return TypedResults.NotFound();
        if (font.Family is not { } family) return ReportFont.Missing.ToProblem();
        var title = $"{r.Year}年度志愿服务报告";
        using var doc = new ReportDocument(family, $"{r.UnitName} {title}");
        Letterhead(doc, r.UnitName, title);
        doc.Text($"贵单位共有{r.Members.Count}名在职党员报到参加志愿服务，{r.Year}年度累计服务{Hours(r.Hours)}小时。各成员情况如下，供年度考核参考。", after: 10);
        doc.Table(
            [
                new Column("序号", 0.6, XStringAlignment.Center), new Column("姓名", 1.4), new Column("报到社区", 2.2),
                new Column("时长（小时）", 1.4, XStringAlignment.Far), new Column("活动（次）", 1.2, XStringAlignment.Far),
                new Column("微心愿（个）", 1.3, XStringAlignment.Far),
            ],
            r.Members.Select((m, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), m.Name, m.CommunityName, Hours(m.Hours),
                m.Activities.ToString(CultureInfo.InvariantCulture), m.WishesFulfilled.ToString(CultureInfo.InvariantCulture)])
            .Append(["", "合计", "", Hours(r.Hours), r.Members.Sum(m => m.Activities).ToString(CultureInfo.InvariantCulture),
                r.Members.Sum(m => m.WishesFulfilled).ToString(CultureInfo.InvariantCulture)]));
        // Members may serve in several communities: one community signs only when it is the only one.
        var communities = r.Members.Select(m => m.CommunityName).Distinct().ToList();
        IssuedBy(doc, communities.Count == 1 ? communities[0] : "红网智治平台", clock);
        return File(doc, $"{r.UnitName}-{title}.pdf");
    }

    static void Letterhead(ReportDocument doc, string addressee, string title)
    {
        doc.Text(title, size: 18, align: XStringAlignment.Center, bold: true, after: 14);
        doc.Text($"致 {addressee}：", size: 12, after: 8);
    }

    static void IssuedBy(ReportDocument doc, string issuer, TimeProvider clock)
    {
        doc.KeepTogether(80); // the closing and the signature on one page
        doc.Text("特此报告。", after: 18);
        doc.Text(issuer, align: XStringAlignment.Far, after: 2);
        var today = clock.GetUtcNow().ToOffset(Cst);
        doc.Text($"{today.Year}年{today.Month}月{today.Day}日", align: XStringAlignment.Far);
    }

    static IResult File(ReportDocument doc, string fileName) =>
        TypedResults.File(doc.ToArray(), ContentType, string.Concat(fileName.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is '"' or '\\' ? '_' : c)));

    static string Hours(decimal hours) => hours.ToString("0.0", CultureInfo.InvariantCulture);
    static string Day(DateTimeOffset at) => at.ToOffset(Cst).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
