using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>
/// A merchant (合作商户) redeems a holder's code (核销) once, and lists the redemptions of its own items. A code of
/// another merchant is unknown to it. The status moves by a conditional UPDATE, so of two counters typing the same code
/// at once, one redeems and the other is told it is used.
/// </summary>
public static class RedeemCode
{
    public static void Map(RouteGroupBuilder points)
    {
        points.MapPost("/codes/{code}/redeem", async Task<Results<Ok<PointsViews.Redemption>, ProblemHttpResult>> (
            string code, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            var result = await RunAsync(db, user, code, clock.GetUtcNow(), ct);
            return result.IsError ? result.Error!.ToProblem() : TypedResults.Ok(result.Value);
        }).RequireAuthorization(Permissions.Points.Honour);
        points.MapGet("/merchant/redemptions", async (RedemptionStatus? status, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            TypedResults.Ok(await ListAsync(db, user, status, ct))).RequireAuthorization(Permissions.Points.Honour);
    }

    public static async Task<Result<PointsViews.Redemption>> RunAsync(CivicGridDbContext db, CurrentUser user, string code, DateTimeOffset now, CancellationToken ct)
    {
        var normalized = Redemption.Normalize(code);
        var mine = Own(db, user).Where(r => r.Code == normalized);
        var found = await mine.AsNoTracking().SingleOrDefaultAsync(ct);
        if (found is null) return PointsErrors.CodeUnknown;
        var changed = await mine.Where(r => r.Status == RedemptionStatus.Issued).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RedemptionStatus.Redeemed).SetProperty(r => r.RedeemedAt, now)
            .SetProperty(r => r.RedeemedBy, user.Id).SetProperty(r => r.Version, r => r.Version + 1), ct);
        if (changed == 0)
        {
            var status = await mine.Select(r => r.Status).SingleAsync(ct);
            return status == RedemptionStatus.Cancelled ? PointsErrors.CodeCancelled : PointsErrors.CodeUsed;
        }
        return await PointsViews.Redemptions(mine.AsNoTracking()).SingleAsync(ct);
    }

    public static Task<List<PointsViews.Redemption>> ListAsync(CivicGridDbContext db, CurrentUser user, RedemptionStatus? status, CancellationToken ct)
    {
        var mine = Own(db, user);
        if (status is { } s) mine = mine.Where(r => r.Status == s);
        return PointsViews.Redemptions(mine.OrderByDescending(r => r.IssuedAt).Take(500)).ToListAsync(ct);
    }

    /// <summary>The redemptions of the caller's units' items: only those, even for a merchant who is also a resident.</summary>
    static IQueryable<Redemption> Own(CivicGridDbContext db, CurrentUser user)
    {
        var units = user.Scope.UnitIds;
        return user.Scope.IsUnrestricted ? db.Redemptions : db.Redemptions.Where(r => units.Contains(r.MerchantId));
    }
}
