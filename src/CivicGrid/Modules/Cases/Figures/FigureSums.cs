using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CivicGrid.Modules.Cases.Figures;

/// <summary>
/// The rollups summed over a period, per community or per unit, held in memory once read: every write bumps its
/// month's <see cref="FigureStamp"/> in the same transaction, so a remembered sum is used only while the stamps it was
/// read under are still the stamps stored. Past months are rarely written to again (only an entry projected late, or a
/// demo seed); this month is written on each projection tick that counts something, and its sums are read again after
/// each such write — once per tick, not once per dashboard request. Each instance keeps its own memory; the stamps in
/// the database keep them all right.
/// </summary>
public sealed class FigureSums(TimeProvider clock) : IDisposable
{
    /// <summary>
    /// Rows remembered at most (a street's year is a few hundred: one per community, or per unit and name), about a
    /// hundred bytes each; when full, the least recently used periods go first.
    /// </summary>
    const int Capacity = 1_000_000;

    readonly MemoryCache _memory = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public sealed record UnitSum(Guid UnitId, string UnitName, FigureCounts Counts);

    sealed record Remembered<T>(string Stamps, T Sums);

    /// <summary>Each community's sums under <paramref name="prefix"/> (null: all the scope lets through).</summary>
    public async Task<Dictionary<string, FigureCounts>> CommunitiesAsync(CivicGridDbContext db, FiguresPeriod period, string? prefix, CancellationToken ct)
    {
        var parts = await ReadAsync(db, period, $"c|{prefix}", p => ReadCommunitiesAsync(db, p, prefix, ct),
            rows => rows.Select(r => (r.Community, r.Counts.Negated())).ToList(), ct);
        // Fresh sums: the remembered ones are shared and never changed.
        var sums = new Dictionary<string, FigureCounts>();
        foreach (var part in parts)
            foreach (var (community, counts) in part)
                sums[community] = (sums.TryGetValue(community, out var sum) ? sum : new FigureCounts()).Add(counts);
        // A community seen only in days taken away (dated after the period, so never in it) nets to nothing.
        foreach (var none in sums.Where(kv => kv.Value.IsEmpty).Select(kv => kv.Key).ToList()) sums.Remove(none);
        return sums;
    }

    /// <summary>Each unit's sums (one per unit and name) under <paramref name="prefix"/>, or of <paramref name="units"/>.</summary>
    public async Task<List<UnitSum>> UnitsAsync(CivicGridDbContext db, FiguresPeriod period, string? prefix, Guid[]? units, CancellationToken ct)
    {
        var key = $"u|{prefix}|{(units is null ? "" : string.Join(',', units))}";
        var parts = await ReadAsync(db, period, key, p => ReadUnitsAsync(db, p, prefix, units, ct),
            rows => rows.Select(r => r with { Counts = r.Counts.Negated() }).ToList(), ct);
        // A unit seen only in days taken away (dated after the period, so never in it) nets to nothing: not a row.
        return parts.SelectMany(p => p).GroupBy(s => s.UnitId).Where(g => !ReadFigures.Sum(g.Select(s => s.Counts)).IsEmpty)
            .SelectMany(g => g).ToList();
    }

    /// <summary>
    /// The period's part before this month and its part in this month, each from memory while the stamps of its months
    /// are unchanged, else read and remembered. Apart, because the past part stays the same as the days go by. This
    /// month's part is read as the month's row less the days after the period when those are fewer than the days in it
    /// (late in the month, "this month so far" is one month row and an empty stretch of days, not up to 31 days of rows).
    /// </summary>
    async Task<List<T>> ReadAsync<T>(CivicGridDbContext db, FiguresPeriod period, string key, Func<FiguresPeriod, Task<T>> read,
        Func<T, T> negate, CancellationToken ct) where T : class, System.Collections.ICollection
    {
        var today = FiguresPeriod.Today(clock);
        var (past, current) = period.SplitBefore(new DateOnly(today.Year, today.Month, 1));
        List<T> parts = [];
        if (past is { } p) parts.AddRange(await RememberedAsync<T>(db, p, key, async () => [await read(p)], ct));
        if (current is { } c)
            parts.AddRange(await RememberedAsync<T>(db, c, key, async () =>
            {
                var monthEnd = new DateOnly(c.From.Year, c.From.Month, 1).AddMonths(1).AddDays(-1);
                var after = monthEnd.DayNumber - c.To.DayNumber;
                return c.From.Day == 1 && after > 0 && after < c.To.Day
                    ? [await read(new FiguresPeriod(c.From, monthEnd)), negate(await read(new FiguresPeriod(c.To.AddDays(1), monthEnd)))]
                    : [await read(c)];
            }, ct));
        return parts;
    }

    async Task<List<T>> RememberedAsync<T>(CivicGridDbContext db, FiguresPeriod period, string key, Func<Task<List<T>>> read, CancellationToken ct)
        where T : class, System.Collections.ICollection
    {
        // Stamps first, then the sums: a write that lands in between changes the stamps, so the next reader reads anew.
        var stamps = await StampsAsync(db, period, ct);
        var memoryKey = $"{ScopeKey(db.Scope)}|{key}|{period.From:yyyyMMdd}|{period.To:yyyyMMdd}";
        if (_memory.TryGetValue(memoryKey, out Remembered<List<T>>? remembered) && remembered!.Stamps == stamps) return remembered.Sums;
        var sums = await read();
        _memory.Set(memoryKey, new Remembered<List<T>>(stamps, sums),
            new MemoryCacheEntryOptions { Size = Math.Max(1, sums.Sum(s => s.Count)), SlidingExpiration = TimeSpan.FromHours(1) });
        return sums;
    }

    /// <summary>Every rollup read is limited by the caller's scope, so the scope is part of what a sum was read for.</summary>
    static string ScopeKey(DataScope scope) =>
        scope.IsUnrestricted ? "*" : $"{string.Join(',', scope.AreaPrefixes)}/{string.Join(',', scope.UnitIds)}";

    /// <summary>
    /// How long a read of the stamps is used again: under load, one read a second instead of one per request. Writes
    /// through this instance's projection are seen at once (<see cref="Forget"/>); another instance's within this time,
    /// well inside the projection's own lag (<see cref="FiguresProjection.Interval"/>).
    /// </summary>
    public static readonly TimeSpan StampsReuse = TimeSpan.FromSeconds(1);

    sealed record StampsRead(long At, Dictionary<DateOnly, long> Versions);

    StampsRead? _stamps;
    long _generation;

    /// <summary>Called once this instance's rollup writes have committed: the next read reads the stamps anew.</summary>
    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _stamps = null;
    }

    async Task<string> StampsAsync(CivicGridDbContext db, FiguresPeriod period, CancellationToken ct)
    {
        // Wall time on purpose (Environment.TickCount64), not the app's clock: tests hold that clock still.
        var stamps = _stamps;
        if (stamps is null || Environment.TickCount64 - stamps.At > StampsReuse.TotalMilliseconds)
        {
            var generation = Interlocked.Read(ref _generation);
            var at = Environment.TickCount64;
            stamps = new StampsRead(at, await db.FigureStamps.AsNoTracking().ToDictionaryAsync(s => s.Month, s => s.Version, ct));
            // A read begun before a local write committed must not stand in for a read after it.
            if (Interlocked.Read(ref _generation) == generation) _stamps = stamps;
        }
        var first = new DateOnly(period.From.Year, period.From.Month, 1);
        return string.Join(',', stamps.Versions.Where(v => v.Key >= first && v.Key <= period.To).OrderBy(v => v.Key)
            .Select(v => $"{v.Key:yyyyMM}:{v.Value}"));
    }

    static async Task<List<(string Community, FigureCounts Counts)>> ReadCommunitiesAsync(CivicGridDbContext db, FiguresPeriod period, string? prefix, CancellationToken ct)
    {
        var (days, months) = period.Split();
        List<(string, FigureCounts)> rows = [];
        foreach (var (from, to) in days)
            rows.AddRange(await SumByCommunityAsync(InCommunities(db.CaseFiguresDaily.AsNoTracking().Where(f => f.Day >= from && f.Day <= to), prefix), ct));
        if (months is { } m)
            rows.AddRange(await SumByCommunityAsync(InCommunities(db.CaseFiguresMonthly.AsNoTracking().Where(f => f.Month >= m.First && f.Month <= m.Last), prefix), ct));
        return rows;
    }

    static async Task<List<UnitSum>> ReadUnitsAsync(CivicGridDbContext db, FiguresPeriod period, string? prefix, Guid[]? units, CancellationToken ct)
    {
        var (days, months) = period.Split();
        List<UnitSum> sums = [];
        foreach (var (from, to) in days)
            sums.AddRange(await SumByUnitAsync(InCodes(db.UnitFiguresDaily.AsNoTracking().Where(f => f.Day >= from && f.Day <= to), prefix, units), ct));
        if (months is { } m)
            sums.AddRange(await SumByUnitAsync(InCodes(db.UnitFiguresMonthly.AsNoTracking().Where(f => f.Month >= m.First && f.Month <= m.Last), prefix, units), ct));
        return sums;
    }

    static Task<List<UnitSum>> SumByUnitAsync<T>(IQueryable<T> rows, CancellationToken ct) where T : UnitFiguresRow =>
        rows.GroupBy(f => new { f.UnitId, f.UnitName }).Select(g => new UnitSum(g.Key.UnitId, g.Key.UnitName, new FigureCounts
        {
            Dispatched = g.Sum(f => f.Dispatched), Signed = g.Sum(f => f.Signed), SignedInTime = g.Sum(f => f.SignedInTime),
            Handled = g.Sum(f => f.Handled), HandledOnTime = g.Sum(f => f.HandledOnTime),
            HandlingMinutes = g.Sum(f => f.HandlingMinutes), TimedHandled = g.Sum(f => f.TimedHandled), Returns = g.Sum(f => f.Returns),
        })).ToListAsync(ct);

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

    static (string Low, string High) CodeRange(string prefix) => (prefix.PadRight(12, '0'), prefix.PadRight(12, '9'));

    public void Dispose() => _memory.Dispose();
}
