using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>
/// A catalog item whose lead duty is 城管 and cooperating duty 住建 (the demo's 区综合行政执法局 and 区住房和城乡建设局).
/// The demo's own catalog is used when it has such an item; until it does, one is written into the app's database, as
/// no API writes the catalog yet. Limits are long (4 working hours to respond, 3 working days to handle) so no light
/// turns during a test.
/// </summary>
public static class TestCatalog
{
    static readonly SemaphoreSlim Gate = new(1, 1);

    public sealed record Item(string Code, string CategoryCode, string Name, string CategoryName);

    public static async Task<Item> CityscapeItemAsync(ConsoleFixture app)
    {
        await Gate.WaitAsync();
        try
        {
            var options = new DbContextOptionsBuilder<SqliteCivicGridDbContext>();
            DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={app.DatabasePath}");
            await using var db = new SqliteCivicGridDbContext(options.Options).WithScope(DataScope.Unrestricted);
            var item = (await db.CatalogItems.AsNoTracking().Where(i => !i.Retired && i.LeadDuty == "城管").OrderBy(i => i.Code).ToListAsync())
                .FirstOrDefault(i => i.CooperatingDuties.Contains("住建"));
            if (item is null)
            {
                if (await db.CatalogCategories.FindAsync("98") is null) db.CatalogCategories.Add(new CatalogCategory { Code = "98", Name = "浏览器测试大类", Order = 98 });
                item = new CatalogItem
                {
                    Code = "9801", CategoryCode = "98", Name = "占道经营（测试）", LeadDuty = "城管", CooperatingDuties = ["住建"],
                    OnTheSpotAllowed = true, ResponseLimit = TimeLimit.Parse("4h"), HandlingLimit = TimeLimit.Parse("3d"),
                };
                db.CatalogItems.Add(item);
                await db.SaveChangesAsync();
            }
            var category = await db.CatalogCategories.AsNoTracking().SingleAsync(c => c.Code == item.CategoryCode);
            return new Item(item.Code, item.CategoryCode, item.Name, category.Name);
        }
        finally { Gate.Release(); }
    }
}
