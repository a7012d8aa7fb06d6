using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// GET /api/cases/figures/export.xlsx?area&amp;from&amp;to&amp;month — what the figures page shows, as one workbook: the area
/// and its children, the units, and the month's rankings of streets, communities and units. Rates are percentages;
/// "—" where nothing was counted. A unit's account, which has no area, gets the unit sheets only.
/// </summary>
public static class ExportFigures
{
    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/figures/export.xlsx", Handle).RequireAuthorization(Permissions.Cases.Figures);

    static async Task<IResult> Handle(string? area, DateOnly? from, DateOnly? to, string? month, CivicGridDbContext db,
        FigureSums sums, TimeProvider clock, CancellationToken ct)
    {
        var period = FiguresPeriod.Of(from, to, clock);
        if (period.IsError) return period.Error!.ToProblem();
        var rankMonth = FiguresPeriod.Month(month ?? period.Value.MonthText, clock);
        if (rankMonth.IsError) return rankMonth.Error!.ToProblem();

        var sheets = new List<(string, IEnumerable<IDictionary<string, object?>>)>();
        var figures = await ReadFigures.AreaAsync(area, period.Value, db, sums, ct);
        var hasArea = !figures.IsError;
        // Asked for an area they cannot see: 404, as on screen. Asked for nothing and have no area: units only.
        if (figures.IsError && (!string.IsNullOrWhiteSpace(area) || figures.Error != FiguresErrors.AreaNotFound)) return figures.Error!.ToProblem();
        if (hasArea) sheets.Add(("区域指标", AreaSheet(figures.Value)));

        var units = await ReadFigures.UnitsAsync(area, period.Value, db, sums, ct);
        if (units.IsError) return units.Error!.ToProblem();
        sheets.Add(("部门指标", units.Value.Select(UnitRow)));

        var levels = hasArea ? new[] { RankingLevel.Street, RankingLevel.Community, RankingLevel.Unit } : [RankingLevel.Unit];
        foreach (var level in levels)
        {
            var ranking = await RankFigures.RankAsync(area, level, rankMonth.Value, db, sums, ct);
            if (ranking.IsError) return ranking.Error!.ToProblem();
            var sheet = level switch { RankingLevel.Street => "街道排名", RankingLevel.Community => "社区排名", _ => "部门排名" };
            sheets.Add(($"{sheet}{rankMonth.Value.MonthText}", ranking.Value.Rows.Select(r => RankRow(r, level))));
        }
        return await ExcelExport.FileAsync(sheets, $"figures-{period.Value.From:yyyyMMdd}-{period.Value.To:yyyyMMdd}", clock, ct);
    }

    static IEnumerable<IDictionary<string, object?>> AreaSheet(AreaFigures f) =>
        f.Children.Prepend(new AreaFigureRow(f.Code ?? "", $"合计（{f.From:yyyy-MM-dd}至{f.To:yyyy-MM-dd}）", f.Level ?? AreaLevel.City, f.Totals))
            .Select(AreaRow);

    static IDictionary<string, object?> AreaRow(AreaFigureRow r) => new Dictionary<string, object?>
    {
        ["区域"] = r.Name, ["区划代码"] = r.Code, ["案件量"] = r.Figures.Reported, ["巡办合一"] = r.Figures.OnTheSpot,
        ["派遣"] = r.Figures.Dispatched, ["按时签收"] = r.Figures.SignedInTime, ["办结"] = r.Figures.Handled,
        ["按期办结"] = r.Figures.HandledOnTime, ["结案"] = r.Figures.Closed, ["解决"] = r.Figures.Solved,
        ["评价"] = r.Figures.Rated, ["满意"] = r.Figures.Satisfied, ["基本满意"] = r.Figures.BasicallySatisfied,
        ["不满意"] = r.Figures.Dissatisfied, ["退单"] = r.Figures.Returns, ["重办"] = r.Figures.Reopens,
        ["上提一级"] = r.Figures.Escalations, ["吹哨"] = r.Figures.Whistles,
        ["响应率(%)"] = Percent(r.Figures.ResponseRate), ["解决率(%)"] = Percent(r.Figures.ResolutionRate),
        ["满意率(%)"] = Percent(r.Figures.SatisfactionRate), ["按期办结率(%)"] = Percent(r.Figures.OnTimeRate),
        ["平均办理时长(工作小时)"] = Hours(r.Figures.AverageHandlingMinutes),
    };

    static IDictionary<string, object?> UnitRow(UnitFigureRow r) => new Dictionary<string, object?>
    {
        ["单位"] = r.UnitName, ["派遣"] = r.Figures.Dispatched, ["签收"] = r.Figures.Signed, ["按时签收"] = r.Figures.SignedInTime,
        ["办结"] = r.Figures.Handled, ["按期办结"] = r.Figures.HandledOnTime, ["退单"] = r.Figures.Returns,
        ["响应率(%)"] = Percent(r.Figures.ResponseRate), ["按期办结率(%)"] = Percent(r.Figures.OnTimeRate),
        ["平均办理时长(工作小时)"] = Hours(r.Figures.AverageHandlingMinutes),
    };

    static IDictionary<string, object?> RankRow(RankRow r, RankingLevel level) => new Dictionary<string, object?>
    {
        ["排名"] = r.Rank?.ToString() ?? "—", ["名称"] = r.Name, ["综合得分"] = r.Score is { } s ? s : "—",
        [level == RankingLevel.Unit ? "派遣" : "案件量"] = r.Volume,
        ["响应率(%)"] = Percent(r.ResponseRate), ["解决率(%)"] = Percent(r.ResolutionRate),
        ["满意率(%)"] = Percent(r.SatisfactionRate), ["按期办结率(%)"] = Percent(r.OnTimeRate),
        ["退单"] = r.Returns, ["重办"] = r.Reopens,
    };

    static object Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : "—";

    static object Hours(double? minutes) => minutes is { } m ? Math.Round(m / 60, 1) : "—";
}
