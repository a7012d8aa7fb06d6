using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Catalog.Features;

/// <summary>POST /api/catalog/categories: a new category (大类), listed after the others; items are added to it one by one or by import.</summary>
public static class AddCatalogCategory
{
    public sealed record Request(string? Code, string? Name);

    public static void Map(RouteGroupBuilder catalog) =>
        catalog.MapPost("/categories", Handle).RequireAuthorization(Permissions.Catalog.Manage);

    internal static async Task<Results<Created<BrowseCatalog.Category>, ProblemHttpResult>> Handle(Request request, CivicGridDbContext db, CancellationToken ct)
    {
        var code = request.Code?.Trim();
        if (!ItemSpec.IsCategoryCode(code)) return CatalogErrors.CategoryCodeInvalid.ToProblem();
        if (ItemSpec.CheckName(request.Name, ItemSpec.MaxCategoryName) is { } nameError) return nameError.ToProblem();
        if (await db.CatalogCategories.AnyAsync(c => c.Code == code, ct)) return CatalogErrors.CodeTaken.ToProblem();
        var order = await db.CatalogCategories.MaxAsync(c => (int?)c.Order, ct) ?? 0;
        var category = new CatalogCategory { Code = code!, Name = request.Name!.Trim(), Order = order + 1 };
        db.CatalogCategories.Add(category);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return CatalogErrors.CodeTaken.ToProblem(); }
        return TypedResults.Created($"/api/catalog?all=true", BrowseCatalog.Category.From(category, []));
    }
}
