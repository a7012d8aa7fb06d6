using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence;

/// <summary>An in-memory copy of a small table that changes rarely and is read on every request (ADR 16).</summary>
public interface IRemembered
{
    /// <summary>The entity whose table the copy is made from.</summary>
    Type EntityType { get; }

    /// <summary>This instance changed the table: the next read loads the copy afresh.</summary>
    void Forget();

    /// <summary>Loads the copy afresh if the table's stamp moved (a change made through another instance).</summary>
    Task CheckAsync(CancellationToken ct);
}

/// <summary>
/// Holds <typeparamref name="TValue"/>, made from the table of <typeparamref name="TEntity"/>, for the whole instance.
/// A save through this instance that touches the table makes the next read load it afresh (<see cref="RememberedTables"/>);
/// a change through another instance is seen at the next check (every 30 s, <see cref="RememberedTablesChecker"/>),
/// which compares the table's row count and sum of versions. What is handed out is shared: read it, never change it.
/// </summary>
public abstract class Remembered<TEntity, TValue>(IServiceScopeFactory scopes) : IRemembered
    where TEntity : class, IVersioned
    where TValue : class
{
    sealed record Held(TValue Value, (int Count, long Versions) Stamp, long Generation);

    volatile Held? _held;
    long _generation;
    readonly SemaphoreSlim _gate = new(1, 1);

    public Type EntityType => typeof(TEntity);

    public void Forget() => Interlocked.Increment(ref _generation);

    public async ValueTask<TValue> GetAsync(CancellationToken ct)
    {
        var held = _held;
        if (held is not null && held.Generation == Interlocked.Read(ref _generation)) return held.Value;
        return (await LoadAsync(whenStampMoved: false, ct)).Value;
    }

    public Task CheckAsync(CancellationToken ct) => LoadAsync(whenStampMoved: true, ct);

    /// <summary>Makes the copy from the table (a context outside any caller's scope).</summary>
    protected abstract Task<TValue> LoadAsync(CivicGridDbContext db, CancellationToken ct);

    async Task<Held> LoadAsync(bool whenStampMoved, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // Read the generation before the table: a save that commits meanwhile leaves the copy behind it, to be loaded again.
            var generation = Interlocked.Read(ref _generation);
            var held = _held;
            if (!whenStampMoved && held is not null && held.Generation == generation) return held; // loaded while we waited
            await using var scope = scopes.CreateAsyncScope();
            await using var db = SystemDb.Open(scope.ServiceProvider);
            var rows = db.Set<TEntity>();
            var stamp = (await rows.CountAsync(ct), await rows.SumAsync(e => (long)e.Version, ct));
            if (whenStampMoved && held is not null && held.Stamp == stamp && held.Generation == generation) return held;
            var loaded = new Held(await LoadAsync(db, ct), stamp, generation);
            _held = loaded;
            return loaded;
        }
        finally { _gate.Release(); }
    }
}

/// <summary>After a save that added, changed or deleted rows of a remembered table, tells its copies to load afresh.</summary>
sealed class RememberedTables(IReadOnlyList<IRemembered> copies) : BeforeAndAfterSave<List<IRemembered>>
{
    protected override List<IRemembered>? Before(DbContext db)
    {
        if (copies.Count == 0) return null;
        var types = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.GetType()).ToHashSet();
        var touched = copies.Where(c => types.Contains(c.EntityType)).ToList();
        return touched.Count > 0 ? touched : null;
    }

    protected override void After(List<IRemembered> touched)
    {
        foreach (var copy in touched) copy.Forget();
    }
}

/// <summary>Every 30 s, loads afresh each remembered copy whose table another instance changed.</summary>
sealed class RememberedTablesChecker(IEnumerable<IRemembered> copies, ILogger<RememberedTablesChecker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(ct))
            foreach (var copy in copies)
            {
                try { await copy.CheckAsync(ct); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Checking the copy of {Table} failed", copy.EntityType.Name); }
            }
    }
}

public static class RememberedRegistration
{
    /// <summary>Registers <typeparamref name="T"/> as a singleton copy, forgotten on this instance's saves and checked every 30 s.</summary>
    public static IServiceCollection AddRemembered<T>(this IServiceCollection services) where T : class, IRemembered
    {
        services.AddSingleton<T>();
        services.AddSingleton<IRemembered>(sp => sp.GetRequiredService<T>());
        services.AddHostedService<RememberedTablesChecker>(); // registered once however many copies there are
        return services;
    }
}
