using System.Text;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// History entries counted into rollup rows (per community and day or month, per unit, community and day or month),
/// then added to the stored rows. The projection counts each claimed batch with one; the benchmark fixture counts
/// millions of generated entries with one and writes once — the same counting and the same atomic add, so both fill the
/// rollups alike. A month row is the sum of its days' rows by construction: both are added from the same entries in the
/// same transaction.
/// </summary>
public sealed class FigureTally
{
    /// <summary>Rows per upsert statement: well under both engines' limits on parameters.</summary>
    const int RowsPerStatement = 100;

    // Sorted keys: two instances upserting overlapping rows lock them in the same order and cannot deadlock.
    readonly SortedDictionary<(DateOnly, string), FigureCounts> _areaDays = new(), _areaMonths = new();
    readonly SortedDictionary<(DateOnly, Guid, string), (string Name, FigureCounts Counts)> _unitDays = new(), _unitMonths = new();

    public void Add(CaseTransition t) => Add(t, FigureCounts.CommunityOf(t), negate: false);

    /// <summary>
    /// A relocation (更正位置) into another community takes the case's figures with it: what its earlier entries
    /// (<paramref name="earlier"/>, all of them) counted for the community it was in is taken off there and added to the
    /// new one, each on its own day. The case was never that community's: a wrong pin must not leave it the report
    /// while another community gets the dispatch, the handling and the rating. The earlier entries all count for the
    /// community of the entry just before the relocation — the earlier relocations moved the ones before them there.
    /// </summary>
    public void AddRelocation(CaseTransition relocation, IReadOnlyCollection<CaseTransition> earlier)
    {
        if (earlier.Count == 0) return;
        var from = FigureCounts.CommunityOf(earlier.MaxBy(e => e.Seq)!);
        var to = FigureCounts.CommunityOf(relocation);
        if (from == to) return;
        foreach (var e in earlier)
        {
            Add(e, from, negate: true);
            Add(e, to, negate: false);
        }
    }

    void Add(CaseTransition t, string community, bool negate)
    {
        var day = FigureCounts.CountDayOf(t);
        var month = new DateOnly(day.Year, day.Month, 1);
        if (FigureCounts.ForArea(t) is { } a)
        {
            AddTo(_areaDays, (day, community), negate ? a.Negated() : a);
            AddTo(_areaMonths, (month, community), negate ? a.Negated() : a);
        }
        if (FigureCounts.ForUnit(t) is { } u)
        {
            AddTo(_unitDays, (day, t.UnitId!.Value, community), t.UnitName ?? "", negate ? u.Negated() : u);
            AddTo(_unitMonths, (month, t.UnitId!.Value, community), t.UnitName ?? "", negate ? u.Negated() : u);
        }
    }

    // Add mutates the sum it is called on: each row starts from a fresh sum, as one entry's counts go to two rows.
    static void AddTo<TKey>(SortedDictionary<TKey, FigureCounts> rows, TKey key, FigureCounts counts) where TKey : notnull =>
        rows[key] = (rows.TryGetValue(key, out var sum) ? sum : new FigureCounts()).Add(counts);

    // The name is the entry's; later entries (in history order) win, as the upsert's label does.
    static void AddTo<TKey>(SortedDictionary<TKey, (string Name, FigureCounts Counts)> rows, TKey key, string name, FigureCounts counts) where TKey : notnull =>
        rows[key] = (name, (rows.TryGetValue(key, out var s) ? s.Counts : new FigureCounts()).Add(counts));

    /// <summary>
    /// Adds the counts to the stored rollups (creating rows as needed) and bumps the stamp of every month written to, in
    /// the caller's transaction: a reader holding a month's sums in memory sees the new stamp once these rows are visible.
    /// </summary>
    public async Task WriteAsync(CivicGridDbContext db, CancellationToken ct)
    {
        foreach (var chunk in _areaDays.Chunk(RowsPerStatement)) await UpsertAreasAsync(db, "CaseFiguresDaily", "Day", chunk, ct);
        foreach (var chunk in _areaMonths.Chunk(RowsPerStatement)) await UpsertAreasAsync(db, "CaseFiguresMonthly", "Month", chunk, ct);
        foreach (var chunk in _unitDays.Chunk(RowsPerStatement)) await UpsertUnitsAsync(db, "UnitFiguresDaily", "Day", chunk, ct);
        foreach (var chunk in _unitMonths.Chunk(RowsPerStatement)) await UpsertUnitsAsync(db, "UnitFiguresMonthly", "Month", chunk, ct);
        var months = _areaMonths.Keys.Select(k => k.Item1).Concat(_unitMonths.Keys.Select(k => k.Item1)).Distinct().Order().ToList();
        foreach (var chunk in months.Chunk(RowsPerStatement)) await StampAsync(db, chunk, ct);
    }

    /// <summary>Written last and in month order, like the rows: writers lock stamps in one order and cannot deadlock.</summary>
    static Task StampAsync(CivicGridDbContext db, DateOnly[] months, CancellationToken ct)
    {
        // Only parameter marks are put into the text; the months are parameters.
        var sql = "INSERT INTO \"FigureStamps\" (\"Month\", \"Version\") VALUES "
            + string.Join(", ", months.Select((_, i) => $"({{{i}}}, 1)"))
            + " ON CONFLICT (\"Month\") DO UPDATE SET \"Version\" = \"FigureStamps\".\"Version\" + 1";
        return db.Database.ExecuteSqlRawAsync(sql, months.Cast<object>(), ct);
    }

    static readonly (string Column, Func<FigureCounts, long> Value)[] AreaColumns =
    [
        (nameof(FigureCounts.Reported), c => c.Reported), (nameof(FigureCounts.OnTheSpot), c => c.OnTheSpot),
        (nameof(FigureCounts.Dispatched), c => c.Dispatched), (nameof(FigureCounts.Signed), c => c.Signed),
        (nameof(FigureCounts.SignedInTime), c => c.SignedInTime), (nameof(FigureCounts.Handled), c => c.Handled),
        (nameof(FigureCounts.HandledOnTime), c => c.HandledOnTime), (nameof(FigureCounts.HandlingMinutes), c => c.HandlingMinutes),
        (nameof(FigureCounts.TimedHandled), c => c.TimedHandled), (nameof(FigureCounts.Closed), c => c.Closed),
        (nameof(FigureCounts.Solved), c => c.Solved), (nameof(FigureCounts.Satisfied), c => c.Satisfied),
        (nameof(FigureCounts.BasicallySatisfied), c => c.BasicallySatisfied), (nameof(FigureCounts.Dissatisfied), c => c.Dissatisfied),
        (nameof(FigureCounts.Returns), c => c.Returns), (nameof(FigureCounts.Reopens), c => c.Reopens),
        (nameof(FigureCounts.Escalations), c => c.Escalations), (nameof(FigureCounts.Whistles), c => c.Whistles),
    ];

    static readonly (string Column, Func<FigureCounts, long> Value)[] UnitColumns =
    [
        (nameof(UnitFiguresRow.Dispatched), c => c.Dispatched), (nameof(UnitFiguresRow.Signed), c => c.Signed),
        (nameof(UnitFiguresRow.SignedInTime), c => c.SignedInTime), (nameof(UnitFiguresRow.Handled), c => c.Handled),
        (nameof(UnitFiguresRow.HandledOnTime), c => c.HandledOnTime), (nameof(UnitFiguresRow.HandlingMinutes), c => c.HandlingMinutes),
        (nameof(UnitFiguresRow.TimedHandled), c => c.TimedHandled), (nameof(UnitFiguresRow.Returns), c => c.Returns),
    ];

    static Task UpsertAreasAsync(CivicGridDbContext db, string table, string period,
        KeyValuePair<(DateOnly, string), FigureCounts>[] rows, CancellationToken ct) =>
        UpsertAsync(db, table, [period, "CommunityCode"], [], AreaColumns,
            rows.Select(r => (new object[] { r.Key.Item1, r.Key.Item2 }, r.Value)).ToList(), ct);

    static Task UpsertUnitsAsync(CivicGridDbContext db, string table, string period,
        KeyValuePair<(DateOnly, Guid, string), (string Name, FigureCounts Counts)>[] rows, CancellationToken ct) =>
        UpsertAsync(db, table, [period, "UnitId", "CommunityCode"], ["UnitName"], UnitColumns,
            rows.Select(r => (new object[] { r.Key.Item1, r.Key.Item2, r.Key.Item3, r.Value.Name }, r.Value.Counts)).ToList(), ct);

    /// <summary>
    /// INSERT … ON CONFLICT (key) DO UPDATE SET n = n + excluded.n, the same text on both engines: an atomic add, so
    /// rows written by another instance in between are added to, never overwritten. Labels take the latest value.
    /// </summary>
    static Task UpsertAsync(CivicGridDbContext db, string table, string[] keys, string[] labels,
        (string Column, Func<FigureCounts, long> Value)[] counters, List<(object[] Fixed, FigureCounts Counts)> rows, CancellationToken ct)
    {
        var columns = keys.Concat(labels).Concat(counters.Select(c => c.Column)).ToList();
        var sql = new StringBuilder($"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ");
        var parameters = new List<object>();
        for (var i = 0; i < rows.Count; i++)
        {
            var values = rows[i].Fixed.Concat(counters.Select(c => (object)Narrow(c.Column, c.Value(rows[i].Counts))));
            var marks = values.Select(v => { parameters.Add(v); return $"{{{parameters.Count - 1}}}"; });
            sql.Append(i == 0 ? "" : ", ").Append('(').Append(string.Join(", ", marks)).Append(')');
        }
        sql.Append($" ON CONFLICT ({string.Join(", ", keys.Select(k => $"\"{k}\""))}) DO UPDATE SET ");
        sql.AppendJoin(", ", labels.Select(l => $"\"{l}\" = excluded.\"{l}\"")
            .Concat(counters.Select(c => $"\"{c.Column}\" = \"{table}\".\"{c.Column}\" + excluded.\"{c.Column}\"")));
        return db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
    }

    /// <summary>Minutes are a bigint column, every other counter an integer: parameters keep the column's type.</summary>
    static object Narrow(string column, long value) => column == nameof(FigureCounts.HandlingMinutes) ? value : (int)value;
}
