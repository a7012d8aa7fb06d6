using System.Text;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// Keeps the rollups (<see cref="CaseFiguresDaily"/>, <see cref="UnitFiguresDaily"/>) from the case history, which is
/// the outbox (docs/adr/0008): each batch of unprojected entries is counted into the rollups and marked projected in one
/// transaction, so every entry is counted exactly once. On PostgreSQL the batch is claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so instances running side by side take different entries; on SQLite the transaction
/// is <c>BEGIN IMMEDIATE</c>, one writer at a time.
/// </summary>
public sealed class FiguresProjection(IServiceScopeFactory scopes, IConfiguration config, ILogger<FiguresProjection> log) : BackgroundService
{
    public const int BatchSize = 500;
    /// <summary>Rows per upsert statement: well under both engines' limits on parameters.</summary>
    const int RowsPerStatement = 100;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        // Tests switch the timer off and call RunOnceAsync themselves, so they know when the figures are complete.
        if (!config.GetValue("Cases:FiguresOnTimer", true)) return;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try { await RunOnceAsync(ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Figures projection failed; retrying next tick"); }
        } while (await timer.WaitForNextTickAsync(ct));
    }

    /// <summary>Counts every history entry not yet counted; returns how many it counted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var n = await ProjectBatchAsync(ct);
            total += n;
            if (n < BatchSize) return total;
        }
    }

    async Task<int> ProjectBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = SystemDb.Open(scope.ServiceProvider); // system work: figures of every area
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var batch = await ClaimAsync(db, ct);
        if (batch.Count == 0) return 0;

        var areas = new SortedDictionary<(DateOnly, string), FigureCounts>();
        var units = new SortedDictionary<(DateOnly, Guid, string), (string Name, FigureCounts Counts)>();
        foreach (var t in batch)
        {
            var day = FigureCounts.DayOf(t.At);
            var community = FigureCounts.CommunityOf(t);
            if (FigureCounts.ForArea(t) is { } a)
                areas[(day, community)] = areas.TryGetValue((day, community), out var sum) ? sum.Add(a) : a;
            if (FigureCounts.ForUnit(t) is { } u)
            {
                var key = (day, t.UnitId!.Value, community);
                units[key] = (t.UnitName ?? "", units.TryGetValue(key, out var s) ? s.Counts.Add(u) : u);
            }
        }
        // Sorted keys: two instances upserting overlapping rows lock them in the same order and cannot deadlock.
        foreach (var chunk in areas.Chunk(RowsPerStatement)) await UpsertAreasAsync(db, chunk, ct);
        foreach (var chunk in units.Chunk(RowsPerStatement)) await UpsertUnitsAsync(db, chunk, ct);

        var ids = batch.Select(t => t.Id).ToList();
        await db.CaseTransitions.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.Projected, true), ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    /// <summary>The oldest entries not yet counted, through the partial index IX_CaseTransitions_Unprojected.</summary>
    static Task<List<CaseTransition>> ClaimAsync(CivicGridDbContext db, CancellationToken ct) => db.Database.IsNpgsql()
        ? db.CaseTransitions.FromSql($"""
            SELECT * FROM "CaseTransitions" WHERE "Projected" = false ORDER BY "Id" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(ct)
        : db.CaseTransitions.AsNoTracking().Where(t => !t.Projected).OrderBy(t => t.Id).Take(BatchSize).ToListAsync(ct);

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
