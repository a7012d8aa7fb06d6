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
        string? area, DateOnly? from, DateOnly? to, CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var period = FiguresPeriod.Of(from, to, clock);
        if (period.IsError) return period.Error!.ToProblem();
        var figures = await AreaAsync(area, period.Value, db, ct);
        return figures.IsError ? figures.Error!.ToProblem() : TypedResults.Ok(figures.Value);
    }

    static async Task<Results<Ok<UnitFigures>, ProblemHttpResult>> GetUnits(
        string? area, DateOnly? from, DateOnly? to, CivicGridDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var period = FiguresPeriod.Of(from, to, clock);
        if (period.IsError) return period.Error!.ToProblem();
        var units = await UnitsAsync(area, period.Value, db, ct);
        return units.IsError ? units.Error!.ToProblem() : TypedResults.Ok(new UnitFigures(period.Value.From, period.Value.To, units.Value));
    }

    /// <summary>The area's totals and one row per child; without an area, the caller's scope and its top areas.</summary>
    public static async Task<Result<AreaFigures>> AreaAsync(string? area, FiguresPeriod period, CivicGridDbContext db, CancellationToken ct)
    {
        var scope = db.Scope;
        if (string.IsNullOrWhiteSpace(area))
        {
            // One subtree in scope: that area itself. Several (or all): their tops side by side.
            if (scope.AreaPrefixes.Length == 1) return await AreaAsync(AreaCodePrefix.ToCode(scope.AreaPrefixes[0]), period, db, ct);
            if (!scope.IsUnrestricted && scope.AreaPrefixes.Length == 0) return FiguresErrors.AreaNotFound;
            var tops = scope.IsUnrestricted
                ? await db.Areas.AsNoTracking().Where(a => a.ParentCode == null).Select(a => a.AreaCode).ToListAsync(ct)
                : scope.AreaPrefixes.Select(AreaCodePrefix.ToCode).ToList();
            var all = await CommunitySumsAsync(db, period, null, ct);
            var rows = await RowsAsync(db, tops, all, ct);
            return new AreaFigures(null, "", null, period.From, period.To, FigureView.Of(Sum(all.Values)), rows);
        }

        var node = await FindAsync(area, db, ct);
        if (node.IsError) return node.Error!;
        var code = node.Value.Code;
        var sums = await CommunitySumsAsync(db, period, code.Prefix, ct);
        List<AreaFigureRow> children = [];
        if (code.Level < AreaLevel.Community)
        {
            // Retired children stay while they have figures in the period: their history still counts.
            var childAreas = await db.Areas.AsNoTracking().Where(a => a.ParentCode == code.Value)
                .Select(a => new { a.AreaCode, Retired = a.RetiredAt != null }).ToListAsync(ct);
            var childCodes = childAreas
                .Where(a => !a.Retired || sums.Keys.Any(k => k.StartsWith(AreaCode.Parse(a.AreaCode).Prefix, StringComparison.Ordinal)))
                .Select(a => a.AreaCode).ToList();
            children = await RowsAsync(db, childCodes, sums, ct);
        }
        return new AreaFigures(code.Value, node.Value.Name, code.Level, period.From, period.To, FigureView.Of(Sum(sums.Values)), children);
    }

    /// <summary>
    /// One row per unit: a unit's account sees its own units; an area's staff see every unit on the cases of their
    /// communities. With <paramref name="area"/>, only the cases of that area.
    /// </summary>
    public static async Task<Result<List<UnitFigureRow>>> UnitsAsync(string? area, FiguresPeriod period, CivicGridDbContext db, CancellationToken ct)
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
        var (days, months) = period.Split();
        List<UnitSum> sums = [];
        foreach (var (from, to) in days)
            sums.AddRange(await SumByUnitAsync(InCodes(db.UnitFiguresDaily.AsNoTracking().Where(f => f.Day >= from && f.Day <= to), prefix, units), ct));
        if (months is { } m)
            sums.AddRange(await SumByUnitAsync(InCodes(db.UnitFiguresMonthly.AsNoTracking().Where(f => f.Month >= m.First && f.Month <= m.Last), prefix, units), ct));
        // A unit renamed within the period has rows under both names: still one row, under one of them.
        return sums.GroupBy(s => s.UnitId)
            .Select(g => new UnitFigureRow(g.Key, g.Select(s => s.UnitName).Order().First(), UnitFigureView.Of(Sum(g.Select(s => s.Counts)))))
            .OrderBy(r => r.UnitName, StringComparer.Ordinal).ThenBy(r => r.UnitId).ToList();
    }

    sealed record UnitSum(Guid UnitId, string UnitName, FigureCounts Counts);

    static Task<List<UnitSum>> SumByUnitAsync<T>(IQueryable<T> rows, CancellationToken ct) where T : UnitFiguresRow =>
        rows.GroupBy(f => new { f.UnitId, f.UnitName }).Select(g => new UnitSum(g.Key.UnitId, g.Key.UnitName, new FigureCounts
        {
            Dispatched = g.Sum(f => f.Dispatched), Signed = g.Sum(f => f.Signed), SignedInTime = g.Sum(f => f.SignedInTime),
            Handled = g.Sum(f => f.Handled), HandledOnTime = g.Sum(f => f.HandledOnTime),
            HandlingMinutes = g.Sum(f => f.HandlingMinutes), TimedHandled = g.Sum(f => f.TimedHandled), Returns = g.Sum(f => f.Returns),
        })).ToListAsync(ct);

    /// <summary>
    /// The rows of the communities under <paramref name="prefix"/>, as a range of codes: an index serves a range under
    /// any collation, where a prefix <c>LIKE</c> needs the C collation and otherwise scans every community's rows.
    /// Community codes are 12 digits, so the range holds exactly the codes that start with the prefix.
    /// </summary>
    static IQueryable<T> InCodes<T>(IQueryable<T> rows, string? prefix, Guid[]? units) where T : UnitFiguresRow
    {
        if (units is not null) rows = rows.Where(f => units.Contains(f.UnitId));
        if (prefix is null) return rows;
        var (low, high) = CodeRange(prefix);
        return rows.Where(f => string.Compare(f.CommunityCode, low) >= 0 && string.Compare(f.CommunityCode, high) <= 0);
    }

    static IQueryable<T> InCommunities<T>(IQueryable<T> rows, string? prefix) where T : CommunityFigures
    {
        if (prefix is null) return rows;
        var (low, high) = CodeRange(prefix);
        return rows.Where(f => string.Compare(f.CommunityCode, low) >= 0 && string.Compare(f.CommunityCode, high) <= 0);
    }

    /// <summary>The one subtree a scope holds when it holds nothing else: what the scope filter passes, as a range.</summary>
    static string? ScopeSubtree(DataScope scope) =>
        !scope.IsUnrestricted && scope.AreaPrefixes.Length == 1 && scope.UnitIds.Length == 0 ? scope.AreaPrefixes[0] : null;

    static (string Low, string High) CodeRange(string prefix) => (prefix.PadRight(12, '0'), prefix.PadRight(12, '9'));

    internal sealed record Node(AreaCode Code, string Name);

    /// <summary>The area named, if it is within the caller's scope (else it looks missing) and coarse enough to have figures.</summary>
    internal static async Task<Result<Node>> FindAsync(string area, CivicGridDbContext db, CancellationToken ct)
    {
        if (!AreaCode.TryParse(area.Trim(), out var code)) return FiguresErrors.AreaInvalid;
        if (!db.Scope.Covers(code.Value)) return FiguresErrors.AreaNotFound;
        if (code.Level == AreaLevel.Grid) return FiguresErrors.AreaTooFine;
        var name = await db.Areas.AsNoTracking().Where(a => a.AreaCode == code.Value).Select(a => a.Name).SingleOrDefaultAsync(ct);
        return name is null ? FiguresErrors.AreaNotFound : new Node(code, name);
    }

    /// <summary>Each community's sums over the period, under <paramref name="prefix"/> (and always within scope).</summary>
    internal static async Task<Dictionary<string, FigureCounts>> CommunitySumsAsync(CivicGridDbContext db, FiguresPeriod period, string? prefix, CancellationToken ct)
    {
        prefix ??= ScopeSubtree(db.Scope);
        var (days, months) = period.Split();
        var sums = new Dictionary<string, FigureCounts>();
        foreach (var (from, to) in days)
            AddTo(sums, await SumByCommunityAsync(InCommunities(db.CaseFiguresDaily.AsNoTracking().Where(f => f.Day >= from && f.Day <= to), prefix), ct));
        if (months is { } m)
            AddTo(sums, await SumByCommunityAsync(InCommunities(db.CaseFiguresMonthly.AsNoTracking().Where(f => f.Month >= m.First && f.Month <= m.Last), prefix), ct));
        return sums;
    }

    static void AddTo(Dictionary<string, FigureCounts> sums, IEnumerable<(string Community, FigureCounts Counts)> rows)
    {
        foreach (var (community, counts) in rows)
            sums[community] = sums.TryGetValue(community, out var sum) ? sum.Add(counts) : counts;
    }

    static async Task<List<(string Community, FigureCounts Counts)>> SumByCommunityAsync<T>(IQueryable<T> rows, CancellationToken ct) where T : CommunityFigures
    {
        var sums = await rows.GroupBy(f => f.CommunityCode).Select(g => new
        {
            Community = g.Key,
            Counts = new FigureCounts
            {
                Reported = g.Sum(f => f.Reported), OnTheSpot = g.Sum(f => f.OnTheSpot), Dispatched = g.Sum(f => f.Dispatched),
                Signed = g.Sum(f => f.Signed), SignedInTime = g.Sum(f => f.SignedInTime), Handled = g.Sum(f => f.Handled),
                HandledOnTime = g.Sum(f => f.HandledOnTime), HandlingMinutes = g.Sum(f => f.HandlingMinutes),
                TimedHandled = g.Sum(f => f.TimedHandled), Closed = g.Sum(f => f.Closed), Solved = g.Sum(f => f.Solved),
                Satisfied = g.Sum(f => f.Satisfied), BasicallySatisfied = g.Sum(f => f.BasicallySatisfied),
                Dissatisfied = g.Sum(f => f.Dissatisfied), Returns = g.Sum(f => f.Returns), Reopens = g.Sum(f => f.Reopens),
                Escalations = g.Sum(f => f.Escalations), Whistles = g.Sum(f => f.Whistles),
            },
        }).ToListAsync(ct);
        return sums.Select(s => (s.Community, s.Counts)).ToList();
    }

    /// <summary>One row per area code, with its name and the sum of its communities.</summary>
    internal static async Task<List<AreaFigureRow>> RowsAsync(CivicGridDbContext db, IReadOnlyCollection<string> codes,
        Dictionary<string, FigureCounts> communities, CancellationToken ct)
    {
        var names = await db.Areas.AsNoTracking().Where(a => codes.Contains(a.AreaCode)).ToDictionaryAsync(a => a.AreaCode, a => a.Name, ct);
        return codes.Distinct().Order(StringComparer.Ordinal).Select(c =>
        {
            var code = AreaCode.Parse(c);
            var counts = Sum(communities.Where(kv => kv.Key.StartsWith(code.Prefix, StringComparison.Ordinal)).Select(kv => kv.Value));
            return new AreaFigureRow(c, names.GetValueOrDefault(c, c), code.Level, FigureView.Of(counts));
        }).ToList();
    }

    internal static FigureCounts Sum(IEnumerable<FigureCounts> counts) => counts.Aggregate(new FigureCounts(), (a, c) => a.Add(c));
}
