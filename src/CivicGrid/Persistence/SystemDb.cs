using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence;

/// <summary>A DbContext outside any caller's scope, for system work (migration, seeding, indexes, logs). Named so every use is visible.</summary>
public static class SystemDb
{
    public static CivicGridDbContext Open(IServiceProvider services) => ScopedDb.Create(services, DataScope.Unrestricted);
}

/// <summary>
/// Opens a short-lived DbContext limited to the current user's scope. For Blazor interactive pages, whose circuit outlives
/// a request: open one per operation (`await using var db = Db.Open();`) instead of sharing the circuit's context.
/// </summary>
public sealed class ScopedDb(IServiceProvider services, CurrentUser user)
{
    public CivicGridDbContext Open() => Create(services, user.Scope);

    internal static CivicGridDbContext Create(IServiceProvider services, DataScope scope) =>
        services.GetService<IDbContextFactory<PostgresCivicGridDbContext>>() is { } postgres
            ? postgres.CreateDbContext().WithScope(scope)
            : services.GetRequiredService<IDbContextFactory<SqliteCivicGridDbContext>>().CreateDbContext().WithScope(scope);
}
