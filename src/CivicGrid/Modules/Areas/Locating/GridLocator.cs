using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Areas.Locating;

/// <summary>
/// Holds the current <see cref="GridIndex"/>. Rebuilt at start, right after a change made through this instance,
/// and whenever the periodic check sees that grids changed through another instance.
/// </summary>
public sealed class GridLocator(IServiceScopeFactory scopes)
{
    volatile GridIndex _index = GridIndex.Empty;
    (int Count, long Versions) _stamp = (-1, -1);
    readonly SemaphoreSlim _gate = new(1, 1);

    public GridIndex Index => _index;

    public GridEntry? Locate(double lon, double lat) => _index.Locate(lon, lat);

    public async Task RefreshAsync(bool force, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = SystemDb.Open(scope.ServiceProvider); // the index serves every caller; answers are plain codes
            var grids = db.Areas.Where(a => a.Level == AreaLevel.Grid && a.RetiredAt == null && a.Boundary != null);
            var stamp = (await grids.CountAsync(ct), await grids.SumAsync(a => (long)a.Version, ct));
            if (!force && stamp == _stamp) return;
            var rows = await grids.Select(a => new { a.AreaCode, a.Name, a.Boundary }).ToListAsync(ct);
            _index = new GridIndex(rows.Select(r => new GridEntry(r.AreaCode, r.Name, r.Boundary!)));
            _stamp = stamp;
        }
        finally { _gate.Release(); }
    }
}

/// <summary>Keeps the grid index current for this instance.</summary>
sealed class GridIndexRefresher(GridLocator locator, ILogger<GridIndexRefresher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        do
        {
            try { await locator.RefreshAsync(force: false, ct); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Grid index refresh failed"); }
        } while (await timer.WaitForNextTickAsync(ct));
    }
}
