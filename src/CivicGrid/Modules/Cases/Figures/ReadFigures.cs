using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// GET /api/cases/figures (an area and its children) and GET /api/cases/figures/units (per unit). Read only the rollups,
/// never the cases, and only within the caller's scope: the named filter limits the rollup rows, and an area outside
/// the scope is a 404.
/// </summary>
public static class ReadFigures
{
    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/figures", GetArea).RequireAuthorization(Permissions.Cases.Figures);
        cases.MapGet("/figures/units", GetUnits).RequireAuthorization(Permissions.Cases.Figures);
    }

    static async Task<Results<Ok<AreaFigures>, ProblemHttpResult>> GetArea(
        string? area, DateOnly? from, DateOnly? to, CivicGridDbContext db, FigureSums sums, TimeProvider clock, CancellationToken ct)
    {
        var period = FiguresPeriod.Of(from, to, clock);
        if (period.IsError) return period.Error!.ToProblem();
        var figures = await AreaAsync(area, period.Value, db, sums, ct);
        return figures.IsError ? figures.Error!.ToProblem() : TypedResults.Ok(figures.Value);
    }

    static async Task<Results<Ok<UnitFigures>, ProblemHttpResult>> GetUnits(
        string? area, DateOnly? from, DateOnly? to, CivicGridDbContext db, FigureSums sums, TimeProvider clock, CancellationToken ct)
    {
        var period = FiguresPeriod.Of(from, to, clock);
        if (period.IsError) return period.Error!.ToProblem();
        var units = await UnitsAsync(area, period.Value, db, sums, ct);
        return units.IsError ? units.Error!.ToProblem() : TypedResults.Ok(new UnitFigures(period.Value.From, period.Value.To, units.Value));
    }

    /// <summary>The area's totals and one row per child; without an area, the caller's scope and its top areas.</summary>
    public static async Task<Result<AreaFigures>> AreaAsync(string? area, FiguresPeriod period, CivicGridDbContext db, FigureSums sums, CancellationToken ct)
    {
        var scope = db.Scope;
        if (string.IsNullOrWhiteSpace(area))
        {
            // One subtree in scope: that area itself. Several (or all): their tops side by side.
            if (scope.AreaPrefixes.Length == 1) return await AreaAsync(AreaCodePrefix.ToCode(scope.AreaPrefixes[0]), period, db, sums, ct);
            if (!scope.IsUnrestricted && scope.AreaPrefixes.Length == 0) return FiguresErrors.AreaNotFound;
            var tops = scope.IsUnrestricted
                ? await db.Areas.AsNoTracking().Where(a => a.ParentCode == null).Select(a => a.AreaCode).ToListAsync(ct)
                : scope.AreaPrefixes.Select(AreaCodePrefix.ToCode).ToList();
            var all = await CommunitySumsAsync(db, sums, period, null, ct);
            var rows = await RowsAsync(db, tops, all, ct);
            return new AreaFigures(null, "", null, period.From, period.To, FigureView.Of(Sum(all.Values)), rows);
        }

        // The area and its children in one read: a dashboard opens with this on every visit.
        var checkedCode = Check(area, db.Scope);
        if (checkedCode.IsError) return checkedCode.Error!;
        var code = checkedCode.Value;
        var areas = await db.Areas.AsNoTracking().Where(a => a.AreaCode == code.Value || a.ParentCode == code.Value)
            .Select(a => new { a.AreaCode, a.Name, Retired = a.RetiredAt != null }).ToListAsync(ct);
        if (areas.FirstOrDefault(a => a.AreaCode == code.Value) is not { } node) return FiguresErrors.AreaNotFound;
        var communities = await CommunitySumsAsync(db, sums, period, code.Prefix, ct);
        List<AreaFigureRow> children = [];
        if (code.Level < AreaLevel.Community)
        {
            // Retired children stay while they have figures in the period: their history still counts.
            var shown = areas.Where(a => a.AreaCode != code.Value)
                .Where(a => !a.Retired || communities.Keys.Any(k => k.StartsWith(AreaCode.Parse(a.AreaCode).Prefix, StringComparison.Ordinal)))
                .ToDictionary(a => a.AreaCode, a => a.Name);
            children = Rows(shown.Keys, shown, communities);
        }
        return new AreaFigures(code.Value, node.Name, code.Level, period.From, period.To, FigureView.Of(Sum(communities.Values)), children);
    }

    /// <summary>
    /// One row per unit: a unit's account sees its own units; an area's staff see every unit on the cases of their
    /// communities. With <paramref name="area"/>, only the cases of that area.
    /// </summary>
    public static async Task<Result<List<UnitFigureRow>>> UnitsAsync(string? area, FiguresPeriod period, CivicGridDbContext db, FigureSums sums, CancellationToken ct)
    {
        string? prefix = null;
        if (!string.IsNullOrWhiteSpace(area))
        {
            var node = await FindAsync(area, db, ct);
            if (node.IsError) return node.Error!;
            prefix = node.Value.Code.Prefix;
        }
        // Without an area, the scope says which rows: one subtree is read as its range, a unit's account by its units
        // (both exactly what the scope filter lets through, put so that an index can find them).
        var scope = db.Scope;
        prefix ??= ScopeSubtree(scope);
        var units = prefix is null && !scope.IsUnrestricted && scope.AreaPrefixes.Length == 0 ? scope.UnitIds : null;
        var unitSums = await sums.UnitsAsync(db, period, prefix, units, ct);
        // A unit renamed within the period has rows under both names: still one row, under one of them.
        return unitSums.GroupBy(s => s.UnitId)
            .Select(g => new UnitFigureRow(g.Key, g.Select(s => s.UnitName).Order().First(), UnitFigureView.Of(Sum(g.Select(s => s.Counts)))))
            .OrderBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.UnitId).ToList();
    }

    /// <summary>The one subtree a scope holds when it holds nothing else: what the scope filter passes, as a range.</summary>
    static string? ScopeSubtree(DataScope scope) =>
        !scope.IsUnrestricted && scope.AreaPrefixes.Length == 1 && scope.UnitIds.Length == 0 ? scope.AreaPrefixes[0] : null;

    internal sealed record Node(AreaCode Code, string Name);

    /// <summary>A well-formed code within the caller's scope (else it looks missing), coarse enough to have figures.</summary>
    static Result<AreaCode> Check(string area, DataScope scope)
    {
        if (!AreaCode.TryParse(area.Trim(), out var code)) return FiguresErrors.AreaInvalid;
        if (!scope.Covers(code.Value)) return FiguresErrors.AreaNotFound;
        if (code.Level == AreaLevel.Grid) return FiguresErrors.AreaTooFine;
        return code;
    }

    /// <summary>The area named, if it is within the caller's scope (else it looks missing) and coarse enough to have figures.</summary>
    internal static async Task<Result<Node>> FindAsync(string area, CivicGridDbContext db, CancellationToken ct)
    {
        var checkedCode = Check(area, db.Scope);
        if (checkedCode.IsError) return checkedCode.Error!;
        var code = checkedCode.Value;
        var name = await db.Areas.AsNoTracking().Where(a => a.AreaCode == code.Value).Select(a => a.Name).SingleOrDefaultAsync(ct);
        return name is null ? FiguresErrors.AreaNotFound : new Node(code, name);
    }

    /// <summary>Each community's sums over the period, under <paramref name="prefix"/> (and always within scope).</summary>
    internal static Task<Dictionary<string, FigureCounts>> CommunitySumsAsync(CivicGridDbContext db, FigureSums sums, FiguresPeriod period,
        string? prefix, CancellationToken ct) => sums.CommunitiesAsync(db, period, prefix ?? ScopeSubtree(db.Scope), ct);

    /// <summary>One row per area code, with its name and the sum of its communities.</summary>
    internal static async Task<List<AreaFigureRow>> RowsAsync(CivicGridDbContext db, IReadOnlyCollection<string> codes,
        Dictionary<string, FigureCounts> communities, CancellationToken ct)
    {
        var names = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.AreaCode)).ToDictionaryAsync(a => a.AreaCode, a => a.Name, ct);
        return Rows(codes, names, communities);
    }

    static List<AreaFigureRow> Rows(IEnumerable<string> codes, Dictionary<string, string> names, Dictionary<string, FigureCounts> communities) =>
        codes.Distinct().Order(StringComparer.Ordinal).Select(c =>
        {
            var code = AreaCode.Parse(c);
            var counts = Sum(communities.Where(kv => kv.Key.StartsWith(code.Prefix, StringComparison.Ordinal)).Select(kv => kv.Value));
            return new AreaFigureRow(c, names.GetValueOrDefault(c, c), code.Level, FigureView.Of(counts));
        }).ToList();

    internal static FigureCounts Sum(IEnumerable<FigureCounts> counts) => counts.Aggregate(new FigureCounts(), (a, c) => a.Add(c));
}
