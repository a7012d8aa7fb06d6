using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Modules.Cases.Figures;

public enum RankingLevel { Street = 1, Community = 2, Unit = 3 }

/// <summary>One ranked street, community or unit; <see cref="Rank"/> is null when it has no rate to be ranked by.</summary>
public sealed record RankRow(int? Rank, string Key, string Name, double? Score, int Volume,
    double? ResponseRate, double? ResolutionRate, double? SatisfactionRate, double? OnTimeRate, int Returns, int Reopens);

public sealed record Ranking(string Month, RankingLevel Level, List<RankRow> Rows);

/// <summary>
/// GET /api/cases/rankings?month=2026-10&amp;level=street|community|unit — the monthly rankings of DOMAIN.md §3, from the
/// rollups. Only whole streets and communities within the caller's scope are ranked: a community worker's "street"
/// would be their own community under another name. Units are ranked on the cases of the caller's area.
/// </summary>
public static class RankFigures
{
    /// <summary>
    /// The composite score (综合得分, 0–100): the weighted mean of the rates a row has. Resolution and satisfaction weigh
    /// most because they are what residents feel; a missing rate leaves its weight out rather than counting as zero.
    /// </summary>
    public static readonly (string Name, double Weight, Func<RankRow, double?> Rate)[] Weights =
    [
        ("响应率", 0.2, r => r.ResponseRate),
        ("解决率", 0.3, r => r.ResolutionRate),
        ("满意率", 0.3, r => r.SatisfactionRate),
        ("按期办结率", 0.2, r => r.OnTimeRate),
    ];

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapGet("/rankings", Get).RequireAuthorization(Permissions.Cases.Figures);

    static async Task<Results<Ok<Ranking>, ProblemHttpResult>> Get(
        string? month, string? level, string? area, CivicGridDbContext db, FigureSums sums, TimeProvider clock, CancellationToken ct)
    {
        var period = FiguresPeriod.Month(month, clock);
        if (period.IsError) return period.Error!.ToProblem();
        if (!TryParseLevel(level, out var rankingLevel)) return FiguresErrors.LevelInvalid.ToProblem();
        var ranking = await RankAsync(area, rankingLevel, period.Value, db, sums, ct);
        return ranking.IsError ? ranking.Error!.ToProblem() : TypedResults.Ok(ranking.Value);
    }

    public static bool TryParseLevel(string? text, out RankingLevel level)
    {
        level = RankingLevel.Street;
        return string.IsNullOrWhiteSpace(text) || (Enum.TryParse(text.Trim(), ignoreCase: true, out level) && Enum.IsDefined(level));
    }

    public static async Task<Result<Ranking>> RankAsync(string? area, RankingLevel level, FiguresPeriod period, CivicGridDbContext db, FigureSums sums, CancellationToken ct)
    {
        List<RankRow> rows;
        if (level == RankingLevel.Unit)
        {
            var units = await ReadFigures.UnitsAsync(area, period, db, sums, ct);
            if (units.IsError) return units.Error!;
            rows = units.Value.Select(u => Row(u.UnitId.ToString(), u.UnitName, u.Figures.Dispatched, u.Figures.ResponseRate, null, null,
                u.Figures.OnTimeRate, u.Figures.Returns, 0)).ToList();
        }
        else
        {
            string? prefix = null;
            if (!string.IsNullOrWhiteSpace(area))
            {
                var node = await ReadFigures.FindAsync(area, db, ct); // a valid area within scope, or a 404
                if (node.IsError) return node.Error!;
                prefix = node.Value.Code.Prefix;
            }
            var communities = await ReadFigures.CommunitySumsAsync(db, sums, period, prefix, ct);
            var length = level == RankingLevel.Street ? 9 : 12;
            // Whole areas only: inside the area asked for, and entirely within the caller's scope.
            var codes = communities.Keys.Select(k => AreaCodePrefix.ToCode(k[..length])).Distinct()
                .Where(c => db.Scope.Covers(c) && (prefix is null || c.StartsWith(prefix, StringComparison.Ordinal))).ToList();
            var areas = await ReadFigures.RowsAsync(db, codes, communities, ct);
            rows = areas.Select(a => Row(a.Code, a.Name, a.Figures.Reported, a.Figures.ResponseRate, a.Figures.ResolutionRate,
                a.Figures.SatisfactionRate, a.Figures.OnTimeRate, a.Figures.Returns, a.Figures.Reopens)).ToList();
        }
        return new Ranking(period.MonthText, level, Ranked(rows));
    }

    static RankRow Row(string key, string name, int volume, double? response, double? resolution, double? satisfaction,
        double? onTime, int returns, int reopens)
    {
        var row = new RankRow(null, key, name, null, volume, response, resolution, satisfaction, onTime, returns, reopens);
        return row with { Score = Score(row) };
    }

    public static double? Score(RankRow row)
    {
        var present = Weights.Select(w => (w.Weight, Rate: w.Rate(row))).Where(w => w.Rate is not null).ToList();
        if (present.Count == 0) return null;
        return Math.Round(100 * present.Sum(w => w.Weight * w.Rate!.Value) / present.Sum(w => w.Weight), 2);
    }

    /// <summary>
    /// Ordered by score, then satisfaction, then on-time rate, then fewer returns (higher first, "—" last); rows equal on
    /// all four share a rank (1, 2, 2, 4). Rows without any rate come last, unranked.
    /// </summary>
    internal static List<RankRow> Ranked(List<RankRow> rows)
    {
        var ordered = rows
            .OrderBy(r => r.Score is null)
            .ThenByDescending(r => r.Score ?? -1).ThenByDescending(r => r.SatisfactionRate ?? -1)
            .ThenByDescending(r => r.OnTimeRate ?? -1).ThenBy(r => r.Returns)
            .ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();
        var result = new List<RankRow>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var r = ordered[i];
            int? rank = r.Score is null ? null
                : i > 0 && SameStanding(ordered[i - 1], r) ? result[i - 1].Rank
                : i + 1;
            result.Add(r with { Rank = rank });
        }
        return result;
    }

    static bool SameStanding(RankRow a, RankRow b) =>
        a.Score == b.Score && a.SatisfactionRate == b.SatisfactionRate && a.OnTimeRate == b.OnTimeRate && a.Returns == b.Returns;
}
