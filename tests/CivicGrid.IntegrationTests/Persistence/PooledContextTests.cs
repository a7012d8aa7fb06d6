using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Persistence;

/// <summary>
/// Contexts are pooled, and one caller's scope must never reach the next caller of the same instance: a context handed
/// back sees nothing until whoever takes it sets a scope of their own.
/// </summary>
public sealed class PooledContextTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_context_handed_back_to_the_pool_sees_nothing_until_given_a_scope(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var district = await A.District(app);
        CivicGridDbContext first;
        await using (first = app.Db()) // unrestricted: system work
            Assert.True(await first.Areas.AnyAsync(a => a.AreaCode == district.CommunityA.AreaCode));
        Assert.False(first.Scope.IsUnrestricted); // handed back: its scope went with the caller
        Assert.Empty(first.Scope.AreaPrefixes);

        // Whatever instances the pool hands out now (the one above among them, unless a background job holds it), none
        // sees anything before it is given a scope.
        var rented = Enumerable.Range(0, 8).Select(_ => Rent(app)).ToList();
        try
        {
            foreach (var db in rented)
                Assert.False(await db.Areas.AnyAsync(a => a.AreaCode == district.CommunityA.AreaCode));
            var next = rented[0].WithScope(DataScope.For([district.CommunityA.AreaCode], [], null));
            Assert.True(await next.Areas.AnyAsync(a => a.AreaCode == district.CommunityA.AreaCode));
            Assert.False(await next.Areas.AnyAsync(a => a.AreaCode == district.CommunityB.AreaCode));
        }
        finally
        {
            foreach (var db in rented) await db.DisposeAsync();
        }
    }

    static CivicGridDbContext Rent(TestApp app) =>
        app.Services.GetService<IDbContextFactory<PostgresCivicGridDbContext>>()?.CreateDbContext()
        ?? (CivicGridDbContext)app.Services.GetRequiredService<IDbContextFactory<SqliteCivicGridDbContext>>().CreateDbContext();
}
