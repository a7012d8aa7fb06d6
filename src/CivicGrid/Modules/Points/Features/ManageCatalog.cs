using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>Community staff keep their catalog: add items, change price, stock and the shelf. Another community's
/// catalog is a 404.</summary>
public static class ManageCatalog
{
    public sealed record Request(string AreaCode, RedemptionCategory Category, string Name, string? Description, int Price,
        int Stock, Guid MerchantId, bool Active = true, int Version = 0);

    public static void Map(RouteGroupBuilder points)
    {
        points.MapGet("/catalog/manage", async Task<Results<Ok<List<PointsViews.Item>>, NotFound>> (string area, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            user.Scope.Covers(area) ? TypedResults.Ok(await BrowseCatalog.ListAsync(db, user, area, activeOnly: false, ct)) : TypedResults.NotFound())
            .RequireAuthorization(Permissions.Points.Manage);
        points.MapPost("/catalog", async Task<Results<Ok<PointsViews.Item>, NotFound, ProblemHttpResult>> (Request request, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            Respond(await SaveAsync(db, user, null, request, ct))).RequireAuthorization(Permissions.Points.Manage);
        points.MapPut("/catalog/{id:guid}", async Task<Results<Ok<PointsViews.Item>, NotFound, ProblemHttpResult>> (Guid id, Request request, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            Respond(await SaveAsync(db, user, id, request, ct))).RequireAuthorization(Permissions.Points.Manage);
        points.MapGet("/merchants", async Task<Results<Ok<List<Merchant>>, NotFound>> (string area, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            user.Scope.Covers(area) ? TypedResults.Ok(await MerchantsAsync(db, area, ct)) : TypedResults.NotFound())
            .RequireAuthorization(Permissions.Points.Manage);
    }

    public sealed record Merchant(Guid Id, string Name);

    static Results<Ok<PointsViews.Item>, NotFound, ProblemHttpResult> Respond(Result<PointsViews.Item>? result) =>
        result is not { } r ? TypedResults.NotFound() : r.IsError ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);

    /// <summary>Units of the area and above it (the district's property companies) that can honour codes. Unit names are
    /// public, and a district's units lie outside a community worker's scope: read past it on purpose.</summary>
    public static Task<List<Merchant>> MerchantsAsync(CivicGridDbContext db, string area, CancellationToken ct) =>
        db.Organisations.IgnoreQueryFilters().Where(o => area.StartsWith(o.AreaCode) || o.AreaCode.StartsWith(area))
            .Where(o => o.Kind != OrganisationKind.Department)
            .OrderBy(o => o.Name).Select(o => new Merchant(o.Id, o.Name)).ToListAsync(ct);

    /// <summary>Null when the item or its community is outside the caller's scope.</summary>
    public static async Task<Result<PointsViews.Item>?> SaveAsync(CivicGridDbContext db, CurrentUser user, Guid? id, Request request, CancellationToken ct)
    {
        RedemptionItem? item = null;
        if (id is not null)
        {
            item = await db.RedemptionItems.SingleOrDefaultAsync(i => i.Id == id, ct);
            if (item is null || !user.Scope.Covers(item.AreaCode)) return null;
        }
        if (!user.Scope.Covers(request.AreaCode)) return null;
        if (request.AreaCode.Length != 12) return PointsErrors.NotCommunity;
        if (string.IsNullOrWhiteSpace(request.Name) || request.Price <= 0 || request.Stock < 0) return PointsErrors.InvalidItem;
        var merchant = await db.Organisations.IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Id == request.MerchantId, ct);
        if (merchant is null || !(request.AreaCode.StartsWith(merchant.AreaCode) || merchant.AreaCode.StartsWith(request.AreaCode)))
            return PointsErrors.UnknownMerchant;

        if (item is null)
        {
            item = new RedemptionItem { Id = Guid.CreateVersion7(), AreaCode = request.AreaCode };
            db.RedemptionItems.Add(item);
        }
        else
        {
            // The version the page read: stock taken by redemptions since then makes this a stale write, not a lost one.
            db.Entry(item).Property(i => i.Version).OriginalValue = request.Version;
            item.AreaCode = request.AreaCode;
        }
        item.Category = request.Category;
        item.Name = request.Name.Trim();
        item.Description = request.Description?.Trim() ?? "";
        item.Price = request.Price;
        item.Stock = request.Stock;
        item.MerchantId = request.MerchantId;
        item.Active = request.Active;
        await db.SaveChangesAsync(ct);
        return new PointsViews.Item(item.Id, item.AreaCode, item.Category, item.Name, item.Description, item.Price, item.Stock,
            item.MerchantId, merchant.Name, item.Active, item.Version);
    }
}
