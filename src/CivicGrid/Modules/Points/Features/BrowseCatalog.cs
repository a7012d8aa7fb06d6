using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>
/// A community's redemption catalog (兑换目录). Public to every signed-in holder, like a shop window; a holder who names
/// no community sees their own (their account's community). Staff see inactive items too (ManageCatalog).
/// </summary>
public static class BrowseCatalog
{
    public static void Map(RouteGroupBuilder points) =>
        points.MapGet("/catalog", async (string? area, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            TypedResults.Ok(await ListAsync(db, user, area, activeOnly: true, ct))).RequireAuthorization();

    public static async Task<List<PointsViews.Item>> ListAsync(CivicGridDbContext db, CurrentUser user, string? area, bool activeOnly, CancellationToken ct)
    {
        var community = area ?? await HomeCommunityAsync(db, user, ct);
        if (string.IsNullOrEmpty(community)) return [];
        var items = db.RedemptionItems.AsNoTracking().Where(i => i.AreaCode.StartsWith(community));
        if (activeOnly) items = items.Where(i => i.Active);
        // Merchant names are public shop names: read past the organisation scope on purpose.
        return await items.OrderBy(i => i.Category).ThenBy(i => i.Price).ThenBy(i => i.Name)
            .Select(i => new PointsViews.Item(i.Id, i.AreaCode, i.Category, i.Name, i.Description, i.Price, i.Stock, i.MerchantId,
                db.Organisations.IgnoreQueryFilters().Where(o => o.Id == i.MerchantId).Select(o => o.Name).FirstOrDefault() ?? "",
                i.Active, i.Version))
            .ToListAsync(ct);
    }

    /// <summary>The community of the caller's points account, or of their resident record before they have one.</summary>
    public static async Task<string?> HomeCommunityAsync(CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        var home = await db.PointsAccounts.Where(a => a.Id == user.Id).Select(a => a.AreaCode).FirstOrDefaultAsync(ct);
        if (home is null && user.Scope.ResidentId is { } resident)
            home = await db.Residents.Where(r => r.Id == resident).Select(r => r.AreaCode).FirstOrDefaultAsync(ct);
        return home is null ? null : home[..Math.Min(12, home.Length)];
    }
}
