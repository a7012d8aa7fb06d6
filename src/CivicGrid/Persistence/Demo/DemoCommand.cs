using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Persistence.Demo;

/// <summary>
/// dotnet run --project src/CivicGrid -- seed [--size district|city|tiny] [--reset]
/// Builds a demo city into the configured database (e.g. a Zibo-sized city on PostgreSQL for benchmarks).
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
            if (await db.Areas.AnyAsync())
            {
                Console.Error.WriteLine("The database already holds areas. Use --reset to start from an empty database.");
                return 1;
            }
        }
        Console.WriteLine($"Seeding a '{size.Name}' demo city…");
        var result = await DemoData.SeedAsync(scope.ServiceProvider, size, CancellationToken.None);
        Console.WriteLine($"Done in {result.Elapsed.TotalSeconds:F1} s: {result}");
        return 0;
    }

    static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
