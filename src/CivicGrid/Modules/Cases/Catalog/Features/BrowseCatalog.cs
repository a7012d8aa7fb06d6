using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Catalog.Features;

/// <summary>
/// GET /api/catalog: the categories with their active items, for anyone signed in (the intake form picks from it);
/// <c>?all=true</c> adds retired items and empty categories, for catalog admins. GET /api/catalog/items/{code}: one item,
/// retired or not, since old cases still carry its code.
/// </summary>
public static class BrowseCatalog
{
    public sealed record Item(string Code, string CategoryCode, string Name, string LeadDuty, IReadOnlyList<string> CooperatingDuties,
        bool OnTheSpotAllowed, string ResponseLimit, string HandlingLimit, string ResponseLimitText, string HandlingLimitText,
        bool Retired, int Version)
    {
        public static Item From(CatalogItem i) => new(i.Code, i.CategoryCode, i.Name, i.LeadDuty, i.CooperatingDuties, i.OnTheSpotAllowed,
            i.ResponseLimit.ToString(), i.HandlingLimit.ToString(), i.ResponseLimit.ToChinese(), i.HandlingLimit.ToChinese(), i.Retired, i.Version);
    }

    public sealed record Category(string Code, string Name, int Order, bool Retired, IReadOnlyList<Item> Items)
    {
        public static Category From(CatalogCategory c, IEnumerable<Item> items) => new(c.Code, c.Name, c.Order, c.Retired, items.ToList());
    }

    public sealed record Response(IReadOnlyList<Category> Categories);

    public static void Map(RouteGroupBuilder catalog)
    {
        catalog.MapGet("/", List).RequireAuthorization();
        catalog.MapGet("/items/{code}", Get).RequireAuthorization();
    }

    static async Task<Results<Ok<Response>, ForbidHttpResult>> List(bool? all, CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        if (all == true && !user.Can(Permissions.Catalog.Manage)) return TypedResults.Forbid();
        return TypedResults.Ok(await Load(db, all == true, ct));
    }

    static async Task<Results<Ok<Item>, NotFound>> Get(string code, CivicGridDbContext db, CancellationToken ct) =>
        await db.CatalogItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, ct) is { } item
            ? TypedResults.Ok(Item.From(item))
            : TypedResults.NotFound();

    /// <summary>Categories in their order, items by code; without <paramref name="withRetired"/> only what a new case may use.</summary>
    public static async Task<Response> Load(CivicGridDbContext db, bool withRetired, CancellationToken ct)
    {
        var categories = await db.CatalogCategories.AsNoTracking().Where(c => withRetired || !c.Retired)
            .OrderBy(c => c.Order).ThenBy(c => c.Code).ToListAsync(ct);
        var items = (await db.CatalogItems.AsNoTracking().Where(i => withRetired || !i.Retired).OrderBy(i => i.Code).ToListAsync(ct))
            .ToLookup(i => i.CategoryCode, Item.From);
        return new(categories.Select(c => Category.From(c, items[c.Code])).Where(c => withRetired || c.Items.Count > 0).ToList());
    }
}
