using CivicGrid.Modules.Cases.Catalog.Features;

namespace CivicGrid.Modules.Cases.Catalog;

/// <summary>The catalog of matters (事项分级分类清单, DOMAIN.md §3) under /api/catalog. See README.md.</summary>
public static class CatalogModule
{
    public static void Map(WebApplication app)
    {
        var catalog = app.MapGroup("/api/catalog").WithTags("Catalog");
        BrowseCatalog.Map(catalog);
        SaveCatalogItem.Map(catalog);
        RetireCatalogItem.Map(catalog);
        AddCatalogCategory.Map(catalog);
        ExportCatalog.Map(catalog);
        ImportCatalog.Map(catalog);
    }
}
