using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>
/// Cancel an unredeemed code (取消兑换): the holder, or staff of the catalog's community. The spend is reversed (a new
/// entry refunds the points), the item goes back into stock, and the code can no longer be redeemed — one transaction.
/// </summary>
public static class CancelRedemption
{
    public static void Map(RouteGroupBuilder points) =>
        points.MapPost("/redemptions/{id:guid}/cancel", async Task<Results<Ok<PointsViews.Redemption>, NotFound, ProblemHttpResult>> (
            Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            var result = await RunAsync(db, user, id, clock.GetUtcNow(), ct);
            if (result is not { } r) return TypedResults.NotFound();
            return r.IsError ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
        }).RequireAuthorization();

    public static async Task<Result<PointsViews.Redemption>?> RunAsync(CivicGridDbContext db, CurrentUser user, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var redemption = await db.Redemptions.SingleOrDefaultAsync(r => r.Id == id, ct);
        var mayCancel = redemption is not null && (redemption.AccountId == user.Id
                        || (user.Can(Permissions.Points.Manage) && user.Scope.Covers(redemption.AreaCode)));
        if (!mayCancel) return null; // a merchant sees the code but does not cancel it; others do not see it at all
        if (redemption!.Status == RedemptionStatus.Redeemed) return PointsErrors.CodeUsed;
        if (redemption.Status == RedemptionStatus.Cancelled) return PointsErrors.CodeCancelled;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var spend = await db.PointsEntries.IgnoreQueryFilters().AsNoTracking().SingleAsync(e => e.Id == redemption.SpendEntryId, ct);
        var refund = await PointsLedger.ReverseAsync(db, spend, "取消兑换", user.Id, now, ct);
        if (refund.IsError) return refund.Error!;
        await db.RedemptionItems.Where(i => i.Id == redemption.ItemId)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Stock, i => i.Stock + 1).SetProperty(i => i.Version, i => i.Version + 1), ct);
        redemption.Status = RedemptionStatus.Cancelled;
        redemption.CancelledAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.StaleWrite; // redeemed at the counter meanwhile: the refund and the stock roll back with it
        }
        await tx.CommitAsync(ct);
        return PointsViews.Redemptions(new[] { redemption }.AsQueryable()).Single();
    }
}
