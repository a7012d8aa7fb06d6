using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Catalog;

/// <summary>
/// The catalog's items in memory (ADR 16): every intake and every move reads its item, while the catalog changes a few
/// times a year. An item this instance has not seen yet (added through another instance in the last 30 s) is read
/// from the table. Items handed out are shared: read them, never change or attach them.
/// </summary>
public sealed class RememberedCatalog(IServiceScopeFactory scopes) : Remembered<CatalogItem, IReadOnlyDictionary<string, CatalogItem>>(scopes)
{
    /// <summary>The item with this code, retired or not, or null if there is none.</summary>
    public async ValueTask<CatalogItem?> FindAsync(CivicGridDbContext db, string code, CancellationToken ct) =>
        (await GetAsync(ct)).TryGetValue(code, out var item)
            ? item
            : await db.CatalogItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, ct);

    protected override async Task<IReadOnlyDictionary<string, CatalogItem>> LoadAsync(CivicGridDbContext db, CancellationToken ct) =>
        await db.CatalogItems.AsNoTracking().ToDictionaryAsync(i => i.Code, ct);
}
