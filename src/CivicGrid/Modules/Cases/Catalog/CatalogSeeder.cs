using CivicGrid.Modules.Cases.Catalog.Data;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Catalog;

/// <summary>Fills an empty catalog with the shipped default (Data/README.md) at every start; a catalog with anything in it is left alone.</summary>
public static class CatalogSeeder
{
    public static async Task SeedIfEmptyAsync(CivicGridDbContext db, CancellationToken ct)
    {
        if (await db.CatalogCategories.AnyAsync(ct) || await db.CatalogItems.AnyAsync(ct)) return;
        var order = 0;
        foreach (var category in DefaultCatalog.Load())
        {
            db.CatalogCategories.Add(new CatalogCategory { Code = category.Code, Name = category.Name, Order = ++order });
            db.CatalogItems.AddRange(category.Items.Select(i => i.ToItem()));
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Two instances starting on one empty database: the other one seeded first, which is all we wanted.
            db.ChangeTracker.Clear();
            if (!await db.CatalogCategories.AnyAsync(ct)) throw;
        }
    }
}
