using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// GET /api/cases/figures/export.xlsx?area&amp;from&amp;to&amp;month — what the figures page shows, as one workbook: the area
/// and its children, the units, and the month's rankings of streets, communities and units. Rates are percentages;
/// "—" where nothing was counted. A unit's account, which has no area, gets the unit sheets only. Sheets and columns are
/// in the request's language (Ui.resx <c>FiguresBook.*</c>; the console's language cookie comes with the download).
/// </summary>
public static class ExportFigures
{
    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/figures/export.xlsx", Handle).RequireAuthorization(Permissions.Cases.Figures);

    static async Task<IResult> Handle(string? area, DateOnly? from, DateOnly? to, string? month, CivicGridDbContext db,
        FigureSums sums, TimeProvider clock, IStringLocalizer<Ui> l, CancellationToken ct)
    {
        string T(string key) => l[$"FiguresBook.{key}"];
        var period = FiguresPeriod.Of(from, to, clock);
        if (period.IsError) return period.Error!.ToProblem();
        var rankMonth = FiguresPeriod.Month(month ?? period.Value.MonthText, clock);
        if (rankMonth.IsError) return rankMonth.Error!.ToProblem();

        var sheets = new List<(string, IEnumerable<IDictionary<string, object?>>)>();
        var figures = await ReadFigures.AreaAsync(area, period.Value, db, sums, ct);
        var hasArea = !figures.IsError;
        // Asked for an area they cannot see: 404, as on screen. Asked for nothing and have no area: units only.
        if (figures.IsError && (!string.IsNullOrWhiteSpace(area) || figures.Error != FiguresErrors.AreaNotFound)) return figures.Error!.ToProblem();
        if (hasArea) sheets.Add((T("AreaSheet"), AreaSheet(figures.Value, T, l)));

        var units = await ReadFigures.UnitsAsync(area, period.Value, db, sums, ct);
        if (units.IsError) return units.Error!.ToProblem();
        sheets.Add((T("UnitSheet"), units.Value.Select(r => UnitRow(r, T))));

        var levels = hasArea ? new[] { RankingLevel.Street, RankingLevel.Community, RankingLevel.Unit } : [RankingLevel.Unit];
        foreach (var level in levels)
        {
            var ranking = await RankFigures.RankAsync(area, level, rankMonth.Value, db, sums, ct);
            if (ranking.IsError) return ranking.Error!.ToProblem();
            var sheet = level switch { RankingLevel.Street => "StreetRanking", RankingLevel.Community => "CommunityRanking", _ => "UnitRanking" };
            sheets.Add((l[$"FiguresBook.{sheet}", rankMonth.Value.MonthText], ranking.Value.Rows.Select(r => RankRow(r, level, T))));
        }
        return await ExcelExport.FileAsync(sheets, $"figures-{period.Value.From:yyyyMMdd}-{period.Value.To:yyyyMMdd}", clock, ct);
    }

    static IEnumerable<IDictionary<string, object?>> AreaSheet(AreaFigures f, Func<string, string> T, IStringLocalizer<Ui> l) =>
        f.Children.Prepend(new AreaFigureRow(f.Code ?? "", l["FiguresBook.Total", $"{f.From:yyyy-MM-dd}", $"{f.To:yyyy-MM-dd}"], f.Level ?? AreaLevel.City, f.Totals))
            .Select(r => AreaRow(r, T));

    static IDictionary<string, object?> AreaRow(AreaFigureRow r, Func<string, string> T) => new Dictionary<string, object?>
    {
        [T("Area")] = r.Name, [T("AreaCode")] = r.Code, [T("Reported")] = r.Figures.Reported, [T("OnTheSpot")] = r.Figures.OnTheSpot,
        [T("Dispatched")] = r.Figures.Dispatched, [T("SignedInTime")] = r.Figures.SignedInTime, [T("Handled")] = r.Figures.Handled,
        [T("HandledOnTime")] = r.Figures.HandledOnTime, [T("Closed")] = r.Figures.Closed, [T("Solved")] = r.Figures.Solved,
        [T("Rated")] = r.Figures.Rated, [T("Satisfied")] = r.Figures.Satisfied, [T("BasicallySatisfied")] = r.Figures.BasicallySatisfied,
        [T("Dissatisfied")] = r.Figures.Dissatisfied, [T("Returns")] = r.Figures.Returns, [T("Reopens")] = r.Figures.Reopens,
        [T("Escalations")] = r.Figures.Escalations, [T("Whistles")] = r.Figures.Whistles,
        [T("ResponseRate")] = Percent(r.Figures.ResponseRate), [T("ResolutionRate")] = Percent(r.Figures.ResolutionRate),
        [T("SatisfactionRate")] = Percent(r.Figures.SatisfactionRate), [T("OnTimeRate")] = Percent(r.Figures.OnTimeRate),
        [T("AverageHours")] = Hours(r.Figures.AverageHandlingMinutes),
    };

    static IDictionary<string, object?> UnitRow(UnitFigureRow r, Func<string, string> T) => new Dictionary<string, object?>
    {
        [T("Unit")] = r.UnitName, [T("Dispatched")] = r.Figures.Dispatched, [T("Signed")] = r.Figures.Signed, [T("SignedInTime")] = r.Figures.SignedInTime,
        [T("Handled")] = r.Figures.Handled, [T("HandledOnTime")] = r.Figures.HandledOnTime, [T("Returns")] = r.Figures.Returns,
        [T("ResponseRate")] = Percent(r.Figures.ResponseRate), [T("OnTimeRate")] = Percent(r.Figures.OnTimeRate),
        [T("AverageHours")] = Hours(r.Figures.AverageHandlingMinutes),
    };

    static IDictionary<string, object?> RankRow(RankRow r, RankingLevel level, Func<string, string> T) => new Dictionary<string, object?>
    {
        [T("Rank")] = r.Rank?.ToString() ?? "—", [T("Name")] = r.Name, [T("Score")] = r.Score is { } s ? s : "—",
        [T(level == RankingLevel.Unit ? "Dispatched" : "Reported")] = r.Volume,
        [T("ResponseRate")] = Percent(r.ResponseRate), [T("ResolutionRate")] = Percent(r.ResolutionRate),
        [T("SatisfactionRate")] = Percent(r.SatisfactionRate), [T("OnTimeRate")] = Percent(r.OnTimeRate),
        [T("Returns")] = r.Returns, [T("Reopens")] = r.Reopens,
    };

    static object Percent(double? rate) => rate is { } r ? Math.Round(r * 100, 1) : "—";

    static object Hours(double? minutes) => minutes is { } m ? Math.Round(m / 60, 1) : "—";
}
