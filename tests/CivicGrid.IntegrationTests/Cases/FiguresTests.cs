using System.Net;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Figures;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// Figures, rollups and rankings (DOMAIN.md §3 "Figures"): cases are driven through the REST routes, the projection
/// runs, and the figures must equal what the test did.
/// </summary>
public sealed class FiguresTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Figures_count_what_the_loop_did_in_each_community_street_and_unit(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        // Short limits from 09:00 of a working day, so that lateness comes within the morning and the sign-ins stay valid.
        StartOfNextWorkingDay(app);
        var w = await CaseWorld.CreateAsync(app, responseLimit: "1h", handlingLimit: "2h");
        var d = w.District;
        var from = Today(app);

        // c1 (community A): the whole loop in time, solved, satisfied.
        var c1 = (await w.DispatchedAsync()).Case.Id;
        await Move(w.CityscapeStaff, c1, "sign-for");
        await Move(w.CityscapeStaff, c1, "start");
        await Move(w.CityscapeStaff, c1, "handled", new { comment = "已清运" });
        await Move(w.GridWorker, c1, "verify", new { passed = true });
        await Move(w.CommunityA, c1, "close", new { solved = true });
        await Move(w.Resident, c1, "rate", new { rating = "Satisfied" });

        // c2 (A): signed for after the response limit, handled after the handling limit, unsolved, dissatisfied, reopened.
        var c2 = await w.DispatchedAsync();
        app.Clock.SetUtcNow(c2.Case.HandlingDue!.Value - TimeSpan.FromMinutes(1));
        await Move(w.CityscapeStaff, c2.Case.Id, "sign-for");
        await Move(w.CityscapeStaff, c2.Case.Id, "start");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await Move(w.CityscapeStaff, c2.Case.Id, "handled", new { comment = "已清运" });
        await Move(w.GridWorker, c2.Case.Id, "verify", new { passed = true });
        await Move(w.CommunityA, c2.Case.Id, "close", new { solved = false });
        await Move(w.Resident, c2.Case.Id, "rate", new { rating = "Dissatisfied" });
        await Move(w.CommunityA, c2.Case.Id, "reopen", new { comment = "居民不满意" });

        // c3 (A): lifted to the street, which whistles two departments; the cooperating one reports, the lead returns it.
        var c3 = (await w.ReportAsync()).Case.Id;
        await Move(w.CommunityA, c3, "accept");
        await Move(w.CommunityA, c3, "escalate", new { comment = "社区无法协调" });
        await Move(w.Street1, c3, "whistle", new { leadUnitId = w.Cityscape.Id, cooperatingUnitIds = new[] { w.Housing.Id } });
        await Move(w.HousingStaff, c3, "sign-for");
        await Move(w.CityscapeStaff, c3, "return", new { comment = "不属于本部门职责" });

        // c4 (community B): dispatched to housing, signed for in time. c5 (A): settled on the spot. c6 (community C): only reported.
        var c4 = (await w.ReportAsync(body: ReportIn(w, d.GridsOf(d.CommunityB).First()))).Case.Id;
        await Move(w.CommunityB, c4, "accept");
        await Move(w.CommunityB, c4, "dispatch", new { leadUnitId = w.Housing.Id });
        await Move(w.HousingStaff, c4, "sign-for");
        var after = await UploadPngAsync(w.GridWorker);
        await w.ReportAsync(w.GridWorker, new
        {
            itemCode = w.Item.Code, description = "楼道堆放杂物", longitude = w.Point.Lon, latitude = w.Point.Lat,
            onTheSpot = true, onTheSpotComment = "已清理", afterPhotoIds = new[] { after },
        });
        await w.ReportAsync(body: ReportIn(w, d.GridsOf(d.CommunityC).First()));

        Assert.True(await ProjectAsync(app) > 0);
        var leader = await Client(app, Roles.Leader, A.AreaScope(await Area(app, d.Code)));
        var period = $"from={from:yyyy-MM-dd}&to={Today(app).AddDays(1):yyyy-MM-dd}";

        var a = await leader.Get<AreaFigures>($"/api/cases/figures?area={d.CommunityA.AreaCode}&{period}");
        Assert.Empty(a.Children);
        var f = a.Totals;
        Assert.Equal((4, 1, 3, 2, 1), (f.Reported, f.OnTheSpot, f.Dispatched, f.Signed, f.SignedInTime));
        Assert.Equal((3, 2, 3, 2), (f.Handled, f.HandledOnTime, f.Closed, f.Solved));
        Assert.Equal((2, 1, 0, 1), (f.Rated, f.Satisfied, f.BasicallySatisfied, f.Dissatisfied));
        Assert.Equal((1, 1, 1, 1), (f.Returns, f.Reopens, f.Escalations, f.Whistles));
        Assert.Equal((0.3333, 0.6667, 0.5, 0.6667), (f.ResponseRate, f.ResolutionRate, f.SatisfactionRate, f.OnTimeRate));
        await using (var db = app.Db())
        {
            // The average is over the handled reports, whose working minutes the history fixed; on-the-spot has none.
            var minutes = await db.CaseTransitions.Where(t => (t.CaseId == c1 || t.CaseId == c2.Case.Id) && t.Action == CaseAction.ReportHandled)
                .Select(t => t.WorkingMinutes!.Value).ToListAsync();
            Assert.Equal([0, 121], minutes.Order()); // c1 at once; c2 from 09:00 to 11:01
            Assert.Equal(Math.Round(minutes.Average(), 1), f.AverageHandlingMinutes);
        }

        var street = await leader.Get<AreaFigures>($"/api/cases/figures?area={d.Street1.AreaCode}&{period}");
        Assert.Equal((5, 4, 3, 2), (street.Totals.Reported, street.Totals.Dispatched, street.Totals.Signed, street.Totals.SignedInTime));
        Assert.Equal([(d.CommunityA.AreaCode, "甲社区", 4), (d.CommunityB.AreaCode, "乙社区", 1)],
            street.Children.Select(c => (c.Code, c.Name, c.Figures.Reported)));
        Assert.Equal(1.0, street.Children[1].Figures.ResponseRate);
        Assert.Null(street.Children[1].Figures.SatisfactionRate); // nothing rated: "—", not 0

        var district = await leader.Get<AreaFigures>($"/api/cases/figures?{period}"); // the leader's own district by default
        Assert.Equal(d.Code, district.Code);
        Assert.Equal(6, district.Totals.Reported);
        Assert.Equal([(d.Street1.AreaCode, 5), (d.Street2.AreaCode, 1)], district.Children.Select(c => (c.Code, c.Figures.Reported)));
        Assert.Null(district.Children[1].Figures.ResponseRate);

        var units = await leader.Get<UnitFigures>($"/api/cases/figures/units?{period}");
        var cityscape = units.Units.Single(u => u.UnitId == w.Cityscape.Id).Figures;
        Assert.Equal((3, 2, 1, 2, 1, 1), (cityscape.Dispatched, cityscape.Signed, cityscape.SignedInTime, cityscape.Handled, cityscape.HandledOnTime, cityscape.Returns));
        Assert.Equal((0.3333, 0.5), (cityscape.ResponseRate, cityscape.OnTimeRate));
        var housing = units.Units.Single(u => u.UnitId == w.Housing.Id);
        Assert.Equal(w.Housing.Name, housing.UnitName);
        Assert.Equal((2, 2, 2, 0), (housing.Figures.Dispatched, housing.Figures.Signed, housing.Figures.SignedInTime, housing.Figures.Handled));
        Assert.Null(housing.Figures.OnTimeRate);
        Assert.Equal(2, units.Units.Count);

        // Nothing is left to count, and counting again changes nothing.
        Assert.Equal(0, await ProjectAsync(app));
        Assert.Equivalent(a, await leader.Get<AreaFigures>($"/api/cases/figures?area={d.CommunityA.AreaCode}&{period}"));
        await using (var db = app.Db())
            Assert.False(await db.CaseTransitions.AnyAsync(t => !t.Projected));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_area_outside_the_scope_is_a_404_and_a_department_sees_only_its_own_units(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var d = w.District;
        var c = (await w.DispatchedAsync()).Case.Id;
        await Move(w.CityscapeStaff, c, "sign-for");
        var other = (await w.ReportAsync(body: ReportIn(w, d.GridsOf(d.CommunityC).First()))).Case.Id;
        var street2 = await Client(app, Roles.StreetStaff, A.AreaScope(d.Street2));
        await Move(street2, other, "accept");
        await Move(street2, other, "dispatch", new { leadUnitId = w.Housing.Id });
        await ProjectAsync(app);

        // Community staff: their own community by default; another street, their own street, or a grid are not theirs.
        var own = await w.CommunityA.Get<AreaFigures>("/api/cases/figures");
        Assert.Equal((d.CommunityA.AreaCode, 1, 1), (own.Code, own.Totals.Reported, own.Totals.Dispatched));
        foreach (var area in new[] { d.Street2.AreaCode, d.CommunityC.AreaCode, d.Street1.AreaCode, d.Code })
            Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityA.GetAsync($"/api/cases/figures?area={area}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityA.GetAsync($"/api/cases/figures/units?area={d.Street2.AreaCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityA.GetAsync($"/api/cases/rankings?level=community&area={d.Street2.AreaCode}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.CommunityA.GetAsync($"/api/cases/figures/export.xlsx?area={d.Street2.AreaCode}")).StatusCode);
        // Community B sees none of A's cases in its totals.
        Assert.Equal(0, (await w.CommunityB.Get<AreaFigures>("/api/cases/figures")).Totals.Reported);
        // Units are seen on the cases of one's own area only.
        Assert.Equal([w.Cityscape.Id], (await w.CommunityA.Get<UnitFigures>("/api/cases/figures/units")).Units.Select(u => u.UnitId));
        Assert.Equal([w.Housing.Id], (await street2.Get<UnitFigures>("/api/cases/figures/units")).Units.Select(u => u.UnitId));

        // A department: its own unit row, wherever the cases are, and no area figures at all.
        var units = await w.HousingStaff.Get<UnitFigures>("/api/cases/figures/units");
        Assert.Equal([(w.Housing.Id, 1)], units.Units.Select(u => (u.UnitId, u.Figures.Dispatched)));
        Assert.Equal(HttpStatusCode.NotFound, (await w.HousingStaff.GetAsync("/api/cases/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.HousingStaff.GetAsync($"/api/cases/figures?area={d.Street2.AreaCode}")).StatusCode);
        var ranking = await w.HousingStaff.Get<Ranking>("/api/cases/rankings?level=unit");
        Assert.Equal([w.Housing.Name], ranking.Rows.Select(r => r.Name));

        // Figures need the permission: a resident and a grid worker have none.
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Resident.GetAsync("/api/cases/figures")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await w.GridWorker.GetAsync("/api/cases/rankings")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/cases/figures")).StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Rankings_order_by_the_composite_score_and_leave_areas_without_rates_unranked(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var d = w.District;
        var communityB = w.CommunityB;
        var gridB = d.GridsOf(d.CommunityB).First();
        var workerB = await Client(app, Roles.GridWorker, A.AreaScope(gridB));

        // A: handled, solved, satisfied. B: handled, unsolved, dissatisfied, after a return by housing. C: only reported.
        var a = (await w.HandledAsync()).Case.Id;
        await Move(w.GridWorker, a, "verify", new { passed = true });
        await Move(w.CommunityA, a, "close", new { solved = true });
        await Move(w.Resident, a, "rate", new { rating = "Satisfied" });
        var b = (await w.ReportAsync(body: ReportIn(w, gridB))).Case.Id;
        await Move(communityB, b, "accept");
        await Move(communityB, b, "dispatch", new { leadUnitId = w.Housing.Id });
        await Move(w.HousingStaff, b, "return", new { comment = "不属于本部门职责" });
        await Move(communityB, b, "dispatch", new { leadUnitId = w.Cityscape.Id });
        await Move(w.CityscapeStaff, b, "sign-for");
        await Move(w.CityscapeStaff, b, "start");
        await Move(w.CityscapeStaff, b, "handled", new { comment = "已处理" });
        await Move(workerB, b, "verify", new { passed = true });
        await Move(communityB, b, "close", new { solved = false });
        await Move(w.Resident, b, "rate", new { rating = "Dissatisfied" });
        await w.ReportAsync(body: ReportIn(w, d.GridsOf(d.CommunityC).First()));
        await ProjectAsync(app);

        var leader = await Client(app, Roles.Leader, A.AreaScope(await Area(app, d.Code)));
        var month = $"{Today(app):yyyy-MM}";
        var communities = await leader.Get<Ranking>($"/api/cases/rankings?month={month}&level=community");
        Assert.Equal(month, communities.Month);
        // A: every rate 100%. B: response 1/2, resolution 0, satisfaction 0, on time 1/1 → (0.2·0.5 + 0.2·1) / 1 = 30.
        Assert.Equal([("甲社区", 1, 100.0), ("乙社区", 2, 30.0), ("丙社区", (int?)null, (double?)null)],
            communities.Rows.Select(r => (r.Name, r.Rank, r.Score)));
        Assert.Equal(1, communities.Rows[1].Returns);

        var streets = await leader.Get<Ranking>($"/api/cases/rankings?month={month}&level=street");
        Assert.Equal([("一街道", 1), ("二街道", (int?)null)], streets.Rows.Select(r => (r.Name, r.Rank)));
        Assert.Equal(3, streets.Rows[0].Volume + streets.Rows[1].Volume);

        // Units: cityscape signed and handled both in time; housing was dispatched once and returned it unsigned.
        var units = await leader.Get<Ranking>($"/api/cases/rankings?month={month}&level=unit");
        Assert.Equal([(w.Cityscape.Name, 1, 100.0), (w.Housing.Name, 2, 0.0)], units.Rows.Select(r => (r.Name, r.Rank, r.Score)));
        Assert.All(units.Rows, r => Assert.Null(r.SatisfactionRate));

        // A community worker ranks no streets (theirs would be their community under another name), only communities.
        Assert.Empty((await w.CommunityA.Get<Ranking>($"/api/cases/rankings?month={month}&level=street")).Rows);
        Assert.Equal(["甲社区"], (await w.CommunityA.Get<Ranking>($"/api/cases/rankings?month={month}&level=community")).Rows.Select(r => r.Name));
        // Another month has nothing.
        Assert.Empty((await leader.Get<Ranking>($"/api/cases/rankings?month=2026-01&level=community")).Rows);

        // The export holds the area, the units and the three rankings.
        var export = await leader.GetAsync($"/api/cases/figures/export.xlsx?area={d.Street1.AreaCode}&from={Today(app):yyyy-MM}-01&to={Today(app):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var book = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        Assert.Equal(["区域指标", "部门指标", $"街道排名{month}", $"社区排名{month}", $"部门排名{month}"], book.GetSheetNames());
        var areaSheet = book.Query(useHeaderRow: true, sheetName: "区域指标").Cast<IDictionary<string, object>>().ToList();
        Assert.StartsWith("合计", (string)areaSheet[0]["区域"]);
        Assert.Equal(["甲社区", "乙社区"], areaSheet.Skip(1).Select(r => (string)r["区域"]));
        Assert.Equal([2.0, 1.0, 1.0], areaSheet.Select(r => Convert.ToDouble(r["案件量"])));
        Assert.Equal([50.0, 100.0, 0.0], areaSheet.Select(r => Convert.ToDouble(r["满意率(%)"])));
        var rankSheet = book.Query(useHeaderRow: true, sheetName: $"社区排名{month}").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(["甲社区", "乙社区"], rankSheet.Select(r => (string)r["名称"]));

        // From an English page, the same workbook in English.
        var english = new MemoryStream(await leader.GetByteArrayAsync(
            $"/api/cases/figures/export.xlsx?area={d.Street1.AreaCode}&from={Today(app):yyyy-MM}-01&to={Today(app):yyyy-MM-dd}&culture=en"));
        Assert.Equal(["Areas", "Units", $"Street ranking {month}", $"Community ranking {month}", $"Unit ranking {month}"], english.GetSheetNames());
        var areas = english.Query(useHeaderRow: true, sheetName: "Areas").Cast<IDictionary<string, object>>().ToList();
        Assert.StartsWith("Total", (string)areas[0]["Area"]);
        Assert.Equal([50.0, 100.0, 0.0], areas.Select(r => Convert.ToDouble(r["Satisfaction rate (%)"])));
    }

    /// <summary>
    /// A case relocated into another community takes its figures with it (Figures/README.md): a wrong pin must not
    /// leave the first community the report and the department's return while the next one gets the rest. Its earlier
    /// entries were counted in an earlier batch; the two relocations are counted together in the next one.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task A_relocated_case_takes_its_figures_to_its_new_community(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var d = w.District;
        var id = (await w.DispatchedAsync()).Case.Id; // community A, to the city-management department
        await Move(w.CityscapeStaff, id, "sign-for");
        await Move(w.CityscapeStaff, id, "return", new { comment = "不在本部门辖区，位置有误" });
        await ProjectAsync(app);

        var leader = await Client(app, Roles.Leader, A.AreaScope(await Area(app, d.Code)));
        var period = $"from={Today(app):yyyy-MM-dd}&to={Today(app).AddDays(1):yyyy-MM-dd}";
        async Task<FigureView> Of(Area area) => (await leader.Get<AreaFigures>($"/api/cases/figures?area={area.AreaCode}&{period}")).Totals;
        async Task<List<Guid>> UnitsOn(Area area) =>
            (await leader.Get<UnitFigures>($"/api/cases/figures/units?area={area.AreaCode}&{period}")).Units.Select(u => u.UnitId).ToList();
        var inA = await Of(d.CommunityA);
        Assert.Equal((1, 1, 1, 1), (inA.Reported, inA.Dispatched, inA.Signed, inA.Returns));
        Assert.Equal([w.Cityscape.Id], await UnitsOn(d.CommunityA));

        // The street moves it to community B, then the district to community C of the other street.
        var gridB = d.GridsOf(d.CommunityB).First();
        await Move(w.Street1, id, "relocate", PointIn(gridB));
        var district = await Client(app, Roles.DistrictStaff, new AccountScope { Kind = ScopeKind.Area, AreaCode = d.Code });
        var gridC = d.GridsOf(d.CommunityC).First();
        await Move(district, id, "relocate", PointIn(gridC));
        Assert.Equal(2, await ProjectAsync(app));

        foreach (var gone in new[] { d.CommunityA, d.CommunityB, d.Street1 })
        {
            Assert.Equal(FigureView.Of(new FigureCounts()), await Of(gone)); // every count 0, every rate "—"
            Assert.Empty(await UnitsOn(gone));
        }
        var inC = await Of(d.CommunityC);
        Assert.Equal((1, 1, 1, 1), (inC.Reported, inC.Dispatched, inC.Signed, inC.Returns));
        Assert.Equal(inA.SignedInTime, inC.SignedInTime);
        Assert.Equal(1, (await Of(d.Street2)).Reported);
        Assert.Equal([w.Cityscape.Id], await UnitsOn(d.CommunityC));
        var cityscape = (await leader.Get<UnitFigures>($"/api/cases/figures/units?area={d.CommunityC.AreaCode}&{period}")).Units.Single().Figures;
        Assert.Equal((1, 1, 1), (cityscape.Dispatched, cityscape.Signed, cityscape.Returns));
        var all = await leader.Get<AreaFigures>($"/api/cases/figures?{period}");
        Assert.Equal(1, all.Totals.Reported); // moved, not copied
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_entry_counts_on_its_day_in_China_time(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        // 00:30 in China is 16:30 UTC the evening before: the report belongs to the Chinese day.
        var now = app.Clock.GetUtcNow();
        var halfPastMidnight = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + TimeSpan.FromHours(16.5);
        app.Clock.SetUtcNow(halfPastMidnight > now ? halfPastMidnight : halfPastMidnight.AddDays(1));
        var w = await CaseWorld.CreateAsync(app);
        await w.ReportAsync();
        await ProjectAsync(app);

        var chinaDay = Today(app);
        var utcDay = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(chinaDay, utcDay.AddDays(1));
        var area = w.District.CommunityA.AreaCode;
        Assert.Equal(1, (await w.CommunityA.Get<AreaFigures>($"/api/cases/figures?area={area}&from={chinaDay:yyyy-MM-dd}&to={chinaDay:yyyy-MM-dd}")).Totals.Reported);
        Assert.Equal(0, (await w.CommunityA.Get<AreaFigures>($"/api/cases/figures?area={area}&from={utcDay:yyyy-MM-dd}&to={utcDay:yyyy-MM-dd}")).Totals.Reported);
    }

    /// <summary>
    /// A past month's sums are held in memory once read (FigureSums); an entry of that month counted after the month
    /// ended (a report at 23:30 on its last day, projected after midnight) must still show at the next read.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task A_past_month_held_in_memory_takes_in_an_entry_counted_after_it_ended(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider); // its own clock: this test crosses a month's end
        var today = Today(app);
        var lastDay = new DateOnly(today.Year, today.Month, 1).AddMonths(1).AddDays(-1);
        app.Clock.SetUtcNow(new DateTimeOffset(lastDay.ToDateTime(new TimeOnly(23, 30)), TimeSpan.FromHours(8)).ToUniversalTime());
        var w = await CaseWorld.CreateAsync(app);
        await w.DispatchedAsync();
        await ProjectAsync(app);
        await w.DispatchedAsync(); // reported and dispatched on the last day; not yet counted

        app.Clock.Advance(TimeSpan.FromHours(1)); // the next month: the last one is now past, and remembered once read
        var month = $"from={lastDay:yyyy-MM}-01&to={lastDay:yyyy-MM-dd}";
        var area = w.District.CommunityA.AreaCode;
        async Task<(int Reported, int Dispatched)> Read()
        {
            var figures = await w.CommunityA.Get<AreaFigures>($"/api/cases/figures?area={area}&{month}");
            var units = await w.CommunityA.Get<UnitFigures>($"/api/cases/figures/units?{month}");
            return (figures.Totals.Reported, units.Units.Single(u => u.UnitId == w.Cityscape.Id).Figures.Dispatched);
        }
        Assert.Equal((1, 1), await Read());
        Assert.Equal((1, 1), await Read()); // from memory

        Assert.Equal(3, await ProjectAsync(app)); // report, accept, dispatch: counted into the month that has ended
        Assert.Equal((2, 2), await Read());
        // A period from that month into this one: the past part remembered, this month's read live.
        var across = await w.CommunityA.Get<AreaFigures>($"/api/cases/figures?area={area}&from={lastDay:yyyy-MM}-01&to={Today(app):yyyy-MM-dd}");
        Assert.Equal(2, across.Totals.Reported);
        Assert.True(Today(app) > lastDay);
    }

    /// <summary>
    /// This month's sums are remembered too (FigureSums), and read again once a projection has written to the month:
    /// at once after this instance's projection, and within <see cref="FigureSums.StampsReuse"/> after another
    /// instance's (here a projection with a memory of its own, which cannot tell this one's to forget).
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task This_month_held_in_memory_takes_in_what_either_instance_counts_next(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        await w.DispatchedAsync(); // community A, to the city-management department
        await ProjectAsync(app);
        var area = w.District.CommunityA.AreaCode;
        async Task<(int Reported, int Dispatched)> Read()
        {
            var figures = await w.CommunityA.Get<AreaFigures>($"/api/cases/figures?area={area}");
            var units = await w.CommunityA.Get<UnitFigures>("/api/cases/figures/units");
            return (figures.Totals.Reported, units.Units.Single(u => u.UnitId == w.Cityscape.Id).Figures.Dispatched);
        }
        Assert.Equal((1, 1), await Read());
        Assert.Equal((1, 1), await Read()); // from memory

        await w.DispatchedAsync();
        var elsewhere = ActivatorUtilities.CreateInstance<FiguresProjection>(app.Services, new FigureSums(app.Clock));
        Assert.Equal(3, await elsewhere.RunOnceAsync(CancellationToken.None)); // report, accept, dispatch
        await Task.Delay(FigureSums.StampsReuse + TimeSpan.FromMilliseconds(200));
        Assert.Equal((2, 2), await Read());

        await w.DispatchedAsync();
        Assert.Equal(3, await ProjectAsync(app));
        Assert.Equal((3, 3), await Read());
    }

    /// <summary>
    /// Late in a month, "from the 1st to day N" is read as the month's row less the days after N: entries after N must
    /// stay out, and units and communities seen only after N must not appear.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task This_month_up_to_a_day_leaves_out_what_came_after_that_day(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider); // its own clock: this test jumps within a month
        var today = Today(app);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        // The 20th at 21:00, then the 21st at 02:00 (sign-ins last eight hours).
        var twentieth = first.AddDays(19);
        app.Clock.SetUtcNow(new DateTimeOffset(twentieth.ToDateTime(new TimeOnly(21, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
        var w = await CaseWorld.CreateAsync(app);
        await w.DispatchedAsync(); // community A, to the city-management department, on the 20th
        app.Clock.Advance(TimeSpan.FromHours(5));
        await w.ReportAsync(); // A again, on the 21st
        var c = await w.ReportAsync(body: ReportIn(w, w.District.GridsOf(w.District.CommunityB).First()));
        await Move(w.CommunityB, c.Case.Id, "accept");
        await Move(w.CommunityB, c.Case.Id, "dispatch", new { leadUnitId = w.Housing.Id }); // B, to housing, on the 21st
        await ProjectAsync(app);

        var street = w.District.Street1.AreaCode;
        var upTo20 = await w.Street1.Get<AreaFigures>($"/api/cases/figures?area={street}&from={first:yyyy-MM-dd}&to={twentieth:yyyy-MM-dd}");
        Assert.Equal(1, upTo20.Totals.Reported);
        Assert.Equal(1, upTo20.Totals.Dispatched);
        Assert.Equal([w.District.CommunityA.AreaCode], upTo20.Children.Where(r => r.Figures.Reported > 0).Select(r => r.Code));
        var unitsUpTo20 = await w.Street1.Get<UnitFigures>($"/api/cases/figures/units?area={street}&from={first:yyyy-MM-dd}&to={twentieth:yyyy-MM-dd}");
        Assert.Equal([w.Cityscape.Id], unitsUpTo20.Units.Select(u => u.UnitId));

        var upTo21 = await w.Street1.Get<AreaFigures>($"/api/cases/figures?area={street}&from={first:yyyy-MM-dd}&to={twentieth.AddDays(1):yyyy-MM-dd}");
        Assert.Equal((3, 2), (upTo21.Totals.Reported, upTo21.Totals.Dispatched));
        var unitsUpTo21 = await w.Street1.Get<UnitFigures>($"/api/cases/figures/units?area={street}&from={first:yyyy-MM-dd}&to={twentieth.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(new[] { w.Cityscape.Id, w.Housing.Id }.Order(), unitsUpTo21.Units.Select(u => u.UnitId).Order());
    }

    /// <summary>
    /// A sign-for counts on its dispatch's day: a period's response rate is about that period's dispatches and never
    /// passes 100 %. Counted on its own day, a sign-for today of yesterday's dispatch made today's rate 2 of 1.
    /// </summary>
    [Theory, OnSqlite, OnPostgres]
    public async Task A_sign_for_counts_with_its_dispatch_so_no_response_rate_passes_100_percent(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider); // its own clock: this test moves to a given evening
        var day = Today(app).AddDays(7);
        app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(21, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
        var w = await CaseWorld.CreateAsync(app);
        var yesterdays = (await w.DispatchedAsync()).Case.Id; // dispatched at 21:00
        app.Clock.Advance(TimeSpan.FromHours(5)); // 02:00 the next day
        var todays = (await w.DispatchedAsync()).Case.Id;
        await Move(w.CityscapeStaff, yesterdays, "sign-for");
        await Move(w.CityscapeStaff, todays, "sign-for");
        await ProjectAsync(app);

        var community = w.District.CommunityA.AreaCode;
        async Task<FigureView> On(DateOnly d) =>
            (await w.CommunityA.Get<AreaFigures>($"/api/cases/figures?area={community}&from={d:yyyy-MM-dd}&to={d:yyyy-MM-dd}")).Totals;
        var first = await On(day);
        Assert.Equal((1, 1, 1, 1.0), (first.Dispatched, first.Signed, first.SignedInTime, first.ResponseRate));
        var next = await On(day.AddDays(1));
        Assert.Equal((1, 1, 1, 1.0), (next.Dispatched, next.Signed, next.SignedInTime, next.ResponseRate));
        var unit = Assert.Single((await w.Street1.Get<UnitFigures>(
            $"/api/cases/figures/units?area={w.District.Street1.AreaCode}&from={day.AddDays(1):yyyy-MM-dd}&to={day.AddDays(1):yyyy-MM-dd}")).Units);
        Assert.Equal((1, 1, 1.0), (unit.Figures.Dispatched, unit.Figures.Signed, unit.Figures.ResponseRate));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Projections_running_side_by_side_count_every_entry_exactly_once(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        await ProjectAsync(app);
        // Many entries at once, more than one batch: reports of one case, written straight into the history.
        var c = await w.ReportAsync();
        const int entries = 3 * FiguresProjection.BatchSize + 7;
        await using (var db = app.Db())
        {
            var first = await db.CaseTransitions.Where(t => t.CaseId == c.Case.Id).MaxAsync(t => t.Seq);
            db.CaseTransitions.AddRange(Enumerable.Range(1, entries).Select(i => new CaseTransition
            {
                CaseId = c.Case.Id, Seq = first + i, AreaCode = w.Grid.AreaCode, At = app.Clock.GetUtcNow(), ActorName = "测试",
                Action = CaseAction.Report, To = CaseStatus.Reported,
            }));
            await db.SaveChangesAsync();
        }

        var projections = Enumerable.Range(0, 4).Select(_ => ActivatorUtilities.CreateInstance<FiguresProjection>(app.Services)).ToList();
        var counted = await Task.WhenAll(projections.Select(p => Task.Run(() => p.RunOnceAsync(CancellationToken.None))));

        Assert.Equal(entries + 1, counted.Sum());
        var figures = await w.CommunityA.Get<AreaFigures>("/api/cases/figures");
        Assert.Equal(entries + 1, figures.Totals.Reported);
        await using (var db = app.Db())
            Assert.False(await db.CaseTransitions.AnyAsync(t => !t.Projected));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_periods_months_and_levels_are_refused_with_stable_codes(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        (string Url, string Code)[] cases =
        [
            ("/api/cases/figures?from=2026-11-20&to=2026-11-01", "figures.period_invalid"),
            ("/api/cases/figures?from=2024-01-01&to=2026-11-01", "figures.period_too_long"),
            ("/api/cases/figures?area=12345", "figures.area_invalid"),
            ($"/api/cases/figures?area={w.Grid.AreaCode}", "figures.area_too_fine"),
            ("/api/cases/rankings?month=2026-13", "figures.month_invalid"),
            ("/api/cases/rankings?level=grid", "figures.level_invalid"),
        ];
        foreach (var (url, code) in cases)
        {
            var response = await w.CommunityA.GetAsync(url);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal(code, await response.ProblemCode());
        }
    }

    /// <summary>
    /// Every query behind the dashboards, captured while calling each endpoint as a leader and as a department, is
    /// planned by PostgreSQL: none may touch the cases or their history, which grow without bound; the rollups do not.
    /// </summary>
    [Theory, OnPostgres]
    public async Task Dashboards_read_the_rollups_and_never_the_cases(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CaseWorld.CreateAsync(app);
        var d = w.District;
        await w.HandledAsync();
        await w.ReportAsync(body: ReportIn(w, d.GridsOf(d.CommunityC).First()));
        await ProjectAsync(app);
        var leader = await Client(app, Roles.Leader, A.AreaScope(await Area(app, d.Code)));
        string database;
        await using (var db = app.Db()) database = db.Database.GetDbConnection().Database;

        var month = $"{Today(app):yyyy-MM}";
        string[] forLeader =
        [
            "/api/cases/figures", $"/api/cases/figures?area={d.Street1.AreaCode}", $"/api/cases/figures?area={d.CommunityA.AreaCode}&from={month}-01",
            "/api/cases/figures/units", $"/api/cases/figures/units?area={d.Street1.AreaCode}",
            $"/api/cases/rankings?month={month}&level=street", $"/api/cases/rankings?month={month}&level=community&area={d.Street1.AreaCode}",
            $"/api/cases/rankings?month={month}&level=unit", $"/api/cases/figures/export.xlsx?area={d.Code}",
        ];
        string[] forDepartment = ["/api/cases/figures/units", $"/api/cases/rankings?month={month}&level=unit", "/api/cases/figures/export.xlsx"];
        List<SqlCapture.Command> commands;
        using (var capture = await SqlCapture.StartAsync(database))
        {
            foreach (var (client, urls) in new[] { (leader, forLeader), (w.CityscapeStaff, forDepartment) })
                foreach (var url in urls)
                {
                    var response = await client.GetAsync(url);
                    Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
                }
            commands = capture.Commands.ToList();
        }
        // Not vacuous: both rollups were read, through the queries checked below.
        Assert.Contains(commands, c => c.Sql.Contains("\"CaseFiguresDaily\""));
        Assert.Contains(commands, c => c.Sql.Contains("\"UnitFiguresDaily\""));

        var caseTables = new System.Text.RegularExpressions.Regex("\"Case(s|Transitions|Assignments)\"");
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(OnPostgresAttribute.Variable)) { Database = database };
        await using var conn = new Npgsql.NpgsqlConnection(connection.ConnectionString);
        await conn.OpenAsync();
        var explained = 0;
        foreach (var command in commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            Assert.DoesNotMatch(caseTables, command.Sql);
            await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN " + command.Sql, conn);
            explain.Parameters.AddRange(command.Parameters.Select(p => p.Clone()).ToArray());
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync())
                while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
            var text = string.Join("\n", plan);
            Assert.DoesNotContain("Seq Scan on \"Cases\"", text);
            Assert.DoesNotMatch(caseTables, text);
            // The rollups grow with days × communities × units: every read must be able to use an index for its
            // period and area prefix (a test database is small, so the planner is told to avoid scans to show whether
            // it can). A prefix LIKE under a non-C collation cannot, and fell back to scanning the whole rollup.
            await using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
            var forced = new List<string>();
            await using (var again = new Npgsql.NpgsqlCommand("EXPLAIN " + command.Sql, conn))
            {
                again.Parameters.AddRange(command.Parameters.Select(p => p.Clone()).ToArray());
                await using var reader = await again.ExecuteReaderAsync();
                while (await reader.ReadAsync()) forced.Add(reader.GetString(0));
            }
            await using (var on = new Npgsql.NpgsqlCommand("RESET enable_seqscan", conn)) await on.ExecuteNonQueryAsync();
            var forcedText = string.Join("\n", forced);
            Assert.False(forcedText.Contains("Seq Scan on \"CaseFigures") || forcedText.Contains("Seq Scan on \"UnitFigures"),
                $"{command.Sql}\n{forcedText}");
            // …and the index is searched by area or unit, not only by day: a scan of every community's rows for the
            // period would pass the check above.
            if (forcedText.Contains("Figures"))
                Assert.True(forced.Any(l => l.Contains("Index Cond") && (l.Contains("\"CommunityCode\")::text >=") || l.Contains("\"UnitId\" = "))),
                    $"{command.Sql}\n{forcedText}");
            explained++;
        }
        Assert.True(explained >= forLeader.Length, $"only {explained} queries explained");
    }

    internal static Task<int> ProjectAsync(TestApp app) =>
        app.Services.GetRequiredService<FiguresProjection>().RunOnceAsync(CancellationToken.None);

    /// <summary>Moves the clock to 09:00 China time of the next working day.</summary>
    static void StartOfNextWorkingDay(TestApp app)
    {
        var calendar = app.Services.GetRequiredService<CivicGrid.Modules.Calendar.Loading.CurrentCalendar>().Calendar;
        var day = Today(app).AddDays(1);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        app.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)).ToUniversalTime());
    }

    static DateOnly Today(TestApp app) => FigureCounts.DayOf(app.Clock.GetUtcNow());

    static async Task<HttpClient> Client(TestApp app, string role, params AccountScope[] scopes) =>
        await app.ClientFor(await A.Account(app, role, scopes));

    static async Task<Area> Area(TestApp app, string code)
    {
        await using var db = app.Db();
        return await db.Areas.SingleAsync(a => a.AreaCode == code);
    }

    static object PointIn(Area grid) => new { longitude = grid.Boundary!.Centroid.X, latitude = grid.Boundary.Centroid.Y };

    static object ReportIn(CaseWorld w, Area grid) => new
    {
        itemCode = w.Item.Code, description = "路灯不亮", longitude = grid.Boundary!.Centroid.X, latitude = grid.Boundary.Centroid.Y,
    };
}
