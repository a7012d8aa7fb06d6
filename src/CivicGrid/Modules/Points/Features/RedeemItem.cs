using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>
/// Redeem (兑换): spend one's points on a catalog item. In one transaction: debit the balance (conditional UPDATE,
/// README.md), take one from stock (conditional UPDATE), write the spend entry and the redemption with its one-time
/// code. Any refusal rolls everything back, so nothing is half-written.
/// </summary>
public static class RedeemItem
{
    public static void Map(RouteGroupBuilder points) =>
        points.MapPost("/catalog/{id:guid}/redeem", async Task<Results<Created<PointsViews.Redemption>, NotFound, ProblemHttpResult>> (
            Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            var result = await RunAsync(db, user, id, clock.GetUtcNow(), ct);
            if (result is not { } r) return TypedResults.NotFound();
            return r.IsError ? r.Error!.ToProblem() : TypedResults.Created($"/api/points/me/redemptions", r.Value);
        }).RequireAuthorization(Permissions.Points.Redeem);

    /// <summary>Null when there is no such item.</summary>
    public static async Task<Result<PointsViews.Redemption>?> RunAsync(CivicGridDbContext db, CurrentUser user, Guid itemId, DateTimeOffset now, CancellationToken ct)
    {
        var me = user.Id!.Value;
        var item = await db.RedemptionItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return null;
        if (!item.Active) return PointsErrors.ItemUnavailable;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var spend = new PointsEntry
        {
            Id = Guid.CreateVersion7(), AccountId = me, AreaCode = item.AreaCode, Kind = PointsEntryKind.Spend, Amount = -item.Price,
            SourceKind = "redemption", Title = item.Name, ActorId = me, At = now,
        };
        var redemption = new Redemption
        {
            Id = Guid.CreateVersion7(), ItemId = item.Id, ItemName = item.Name, AccountId = me, AreaCode = item.AreaCode,
            MerchantId = item.MerchantId, Price = item.Price, Code = Redemption.NewCode(), Status = RedemptionStatus.Issued,
            SpendEntryId = spend.Id, IssuedAt = now,
        };
        spend.SourceId = redemption.Id;
        // Account row first, then the item row: every redemption locks in this order, so two cannot deadlock.
        if (!await PointsLedger.PostAsync(db, spend, ct)) return PointsErrors.Insufficient;
        var taken = await db.RedemptionItems.Where(i => i.Id == item.Id && i.Active && i.Stock >= 1)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, i => i.Stock - 1).SetProperty(i => i.Version, i => i.Version + 1), ct);
        if (taken == 0) return PointsErrors.OutOfStock;
        db.Redemptions.Add(redemption);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return PointsViews.Redemptions(new[] { redemption }.AsQueryable()).Single();
    }
}
