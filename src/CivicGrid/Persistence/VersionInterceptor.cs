using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Persistence;

/// <summary>Bumps <see cref="IVersioned.Version"/> on every update, so a write based on a stale read fails on both providers.</summary>
sealed class VersionInterceptor : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Bump(eventData.Context);
        return base.SavingChangesAsync(eventData, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Bump(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    static void Bump(DbContext? db)
    {
        if (db is null) return;
        foreach (var entry in db.ChangeTracker.Entries<IVersioned>())
            if (entry.State == EntityState.Modified) entry.Entity.Version++;
    }
}
