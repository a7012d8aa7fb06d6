using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Catalog.Features;

/// <summary>
/// GET /api/catalog/export.xlsx: every item, retired ones too, one row each in category order. The file is also the
/// import template: edit it and send it back to POST /api/catalog/import.
/// </summary>
public static class ExportCatalog
{
    public static void Map(RouteGroupBuilder catalog) =>
        catalog.MapGet("/export.xlsx", Handle).RequireAuthorization(Permissions.Catalog.Manage);

    static async Task<IResult> Handle(CivicGridDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ExcelExport.FileAsync(await Rows(db, ct), CatalogSheet.SheetName, "catalog", clock, ct);

    public static async Task<IReadOnlyList<IDictionary<string, object?>>> Rows(CivicGridDbContext db, CancellationToken ct)
    {
        var categories = await db.CatalogCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, ct);
        var items = await db.CatalogItems.AsNoTracking().ToListAsync(ct);
        return items.OrderBy(i => categories[i.CategoryCode].Order).ThenBy(i => i.Code, StringComparer.Ordinal)
            .Select(i => CatalogSheet.Row(categories[i.CategoryCode], i)).ToList();
    }
}
