using System.Text;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// History entries counted into rollup rows (per community and day, per unit, community and day), then added to the
/// stored rows. The projection counts each claimed batch with one; the benchmark fixture counts millions of generated
/// entries with one and writes once — the same counting and the same atomic add, so both fill the rollups alike.
/// </summary>
public sealed class FigureTally
{
    /// <summary>Rows per upsert statement: well under both engines' limits on parameters.</summary>
    const int RowsPerStatement = 100;

    // Sorted keys: two instances upserting overlapping rows lock them in the same order and cannot deadlock.
    readonly SortedDictionary<(DateOnly, string), FigureCounts> _areas = new();
    readonly SortedDictionary<(DateOnly, Guid, string), (string Name, FigureCounts Counts)> _units = new();

    public int AreaRows => _areas.Count;
    public int UnitRows => _units.Count;

    public void Add(CaseTransition t)
    {
        var day = FigureCounts.DayOf(t.At);
        var community = FigureCounts.CommunityOf(t);
        if (FigureCounts.ForArea(t) is { } a)
            _areas[(day, community)] = _areas.TryGetValue((day, community), out var sum) ? sum.Add(a) : a;
        if (FigureCounts.ForUnit(t) is { } u)
        {
            var key = (day, t.UnitId!.Value, community);
            _units[key] = (t.UnitName ?? "", _units.TryGetValue(key, out var s) ? s.Counts.Add(u) : u);
        }
    }

    /// <summary>Adds the counts to the stored rollups (creating rows as needed) in the caller's transaction.</summary>
    public async Task WriteAsync(CivicGridDbContext db, CancellationToken ct)
    {
        foreach (var chunk in _areas.Chunk(RowsPerStatement)) await UpsertAreasAsync(db, chunk, ct);
        foreach (var chunk in _units.Chunk(RowsPerStatement)) await UpsertUnitsAsync(db, chunk, ct);
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
        (nameof(UnitFiguresDaily.Dispatched), c => c.Dispatched), (nameof(UnitFiguresDaily.Signed), c => c.Signed),
        (nameof(UnitFiguresDaily.SignedInTime), c => c.SignedInTime), (nameof(UnitFiguresDaily.Handled), c => c.Handled),
        (nameof(UnitFiguresDaily.HandledOnTime), c => c.HandledOnTime), (nameof(UnitFiguresDaily.HandlingMinutes), c => c.HandlingMinutes),
        (nameof(UnitFiguresDaily.TimedHandled), c => c.TimedHandled), (nameof(UnitFiguresDaily.Returns), c => c.Returns),
    ];

    static Task UpsertAreasAsync(CivicGridDbContext db, KeyValuePair<(DateOnly, string), FigureCounts>[] rows, CancellationToken ct) =>
        UpsertAsync(db, "CaseFiguresDaily", ["Day", "CommunityCode"], [], AreaColumns,
            rows.Select(r => (new object[] { r.Key.Item1, r.Key.Item2 }, r.Value)).ToList(), ct);

    static Task UpsertUnitsAsync(CivicGridDbContext db, KeyValuePair<(DateOnly, Guid, string), (string Name, FigureCounts Counts)>[] rows, CancellationToken ct) =>
        UpsertAsync(db, "UnitFiguresDaily", ["Day", "UnitId", "CommunityCode"], ["UnitName"], UnitColumns,
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
