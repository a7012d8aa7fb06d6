using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using CivicGrid.Persistence.Demo;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence;

/// <summary>Migrates on start, fills an empty catalog of matters, and on an empty database loads the demo district (Demo:SeedOnStart, default true).</summary>
public static class Startup
{
    public static async Task PrepareDatabaseAsync(IServiceProvider services, IConfiguration config)
    {
        await using var scope = services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("CivicGrid.Startup");
        await using (var db = SystemDb.Open(scope.ServiceProvider))
        {
            await MigrateAsync(db, scope.ServiceProvider);
            await CatalogSeeder.SeedIfEmptyAsync(db, CancellationToken.None);
            if (config.GetValue("Demo:SeedOnStart", true) && !await db.Areas.AnyAsync())
            {
                log.LogInformation("Empty database: loading the demo district…");
                var result = await DemoData.SeedAsync(scope.ServiceProvider, DemoSize.District, CancellationToken.None);
                log.LogInformation("Demo district loaded in {Seconds:F1} s: {Summary}", result.Elapsed.TotalSeconds, result);
            }
        }
        await services.GetRequiredService<GridLocator>().RefreshAsync(force: true, CancellationToken.None);
    }

    /// <summary>Applies migrations, then mirrors the roles (which are code, Roles.Definitions) into Identity's table.</summary>
    public static async Task MigrateAsync(CivicGridDbContext db, IServiceProvider services)
    {
        await db.Database.MigrateAsync();
        var roles = services.GetRequiredService<RoleManager<AccountRole>>();
        foreach (var role in Roles.Definitions)
            if (!await roles.RoleExistsAsync(role.Name)) await roles.CreateAsync(new AccountRole(role.Name));
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        // Liveness: the process answers. Readiness: the database answers too.
        app.MapGet("/health", () => Results.Ok(new { status = "live" })).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/health/ready", async (IServiceProvider sp, CancellationToken ct) =>
        {
            await using var db = SystemDb.Open(sp);
            return await db.Database.CanConnectAsync(ct)
                ? Results.Ok(new { status = "ready" })
                : Results.Problem(statusCode: 503, title: "database.unavailable", detail: "数据库不可用。");
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
