using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence.Demo;

/// <summary>
/// dotnet run --project src/CivicGrid -- seed [--size district|city|tiny] [--reset] [--cases N [--days D]]
/// Builds a demo city into the configured database (e.g. a Zibo-sized city on PostgreSQL for benchmarks). With
/// <c>--cases</c> it then adds about N more cases over the last D days (default 360) in bulk: the 10-million-case
/// fixture of the street-dashboard benchmark (bench/README.md).
/// </summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var sizeName = Option(args, "--size") ?? "district";
        if (DemoSize.Find(sizeName) is not { } size)
        {
            Console.Error.WriteLine($"Unknown size '{sizeName}'. Use district, city or tiny.");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        await using (var db = SystemDb.Open(scope.ServiceProvider))
        {
            if (args.Contains("--reset")) await db.Database.EnsureDeletedAsync();
            await Startup.MigrateAsync(db, scope.ServiceProvider);
            await Modules.Cases.Catalog.CatalogSeeder.SeedIfEmptyAsync(db, CancellationToken.None); // as the app's start does: cases need matters
            if (await db.Areas.AnyAsync())
            {
                Console.Error.WriteLine("The database already holds areas. Use --reset to start from an empty database.");
                return 1;
            }
        }
        Console.WriteLine($"Seeding a '{size.Name}' demo city…");
        var result = await DemoData.SeedAsync(scope.ServiceProvider, size, CancellationToken.None);
        Console.WriteLine($"Done in {result.Elapsed.TotalSeconds:F1} s: {result}");
        if (Option(args, "--cases") is not { } casesText) return 0;
        if (!long.TryParse(casesText, out var cases) || cases <= 0 || !int.TryParse(Option(args, "--days") ?? "360", out var days) || days is <= 0 or > 700)
        {
            Console.Error.WriteLine("--cases takes a positive number; --days 1–700 (the loaded calendars must cover them).");
            return 2;
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Console.WriteLine($"Adding about {cases:N0} cases over {days} days in bulk…");
        var made = await DemoCases.SeedBulkAsync(scope.ServiceProvider, cases, days, written =>
            Console.WriteLine($"  {written:N0} cases written ({clock.Elapsed.TotalMinutes:F1} min)"), CancellationToken.None);
        Console.WriteLine($"Done in {clock.Elapsed.TotalMinutes:F1} min: {made:N0} cases with their history, assignments and rollups.");
        return 0;
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
