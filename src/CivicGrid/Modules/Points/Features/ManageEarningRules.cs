using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Features;

/// <summary>A community's earning rules (积分规则), one per event kind; a kind without a rule shows the default.
/// Community staff set them for their own community; elsewhere is a 404.</summary>
public static class ManageEarningRules
{
    public sealed record Request(int PointsPerUnit, int? CapPerDay, int? CapPerMonth, int Version = 0, int? ExpiryMonths = null);

    public static void Map(RouteGroupBuilder points)
    {
        points.MapGet("/rules", async Task<Results<Ok<List<PointsViews.Rule>>, NotFound>> (string area, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
            user.Scope.Covers(area) && area.Length == 12 ? TypedResults.Ok(await ListAsync(db, area, ct)) : TypedResults.NotFound())
            .RequireAuthorization(Permissions.Points.Manage);
        points.MapPut("/rules/{area}/{kind}", async Task<Results<Ok<PointsViews.Rule>, NotFound, ProblemHttpResult>> (
            string area, string kind, Request request, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
        {
            var result = await SaveAsync(db, user, area, kind, request, ct);
            if (result is not { } r) return TypedResults.NotFound();
            return r.IsError ? r.Error!.ToProblem() : TypedResults.Ok(r.Value);
        }).RequireAuthorization(Permissions.Points.Manage);
    }

    public static async Task<List<PointsViews.Rule>> ListAsync(CivicGridDbContext db, string community, CancellationToken ct)
    {
        var own = await db.EarningRules.AsNoTracking().Where(r => r.AreaCode == community).ToListAsync(ct);
        return PointsEventKinds.All.Select(kind => own.FirstOrDefault(r => r.Kind == kind) is { } r
            ? new PointsViews.Rule(kind, r.PointsPerUnit, r.CapPerDay, r.CapPerMonth, false, r.Version, r.ExpiryMonths)
            : EarningRule.Default(community, kind) is var d ? new PointsViews.Rule(kind, d.PointsPerUnit, d.CapPerDay, d.CapPerMonth, true, 0, d.ExpiryMonths) : null!)
            .ToList();
    }

    /// <summary>Null when the community is outside the caller's scope. Applies to events credited from now on.</summary>
    public static async Task<Result<PointsViews.Rule>?> SaveAsync(CivicGridDbContext db, CurrentUser user, string community, string kind, Request request, CancellationToken ct)
    {
        if (!user.Scope.Covers(community) || community.Length != 12) return null;
        if (!PointsEventKinds.All.Contains(kind)) return PointsErrors.UnknownKind;
        if (request.PointsPerUnit < 0 || request.CapPerDay < 0 || request.CapPerMonth < 0 || request.ExpiryMonths is < 0 or > 120)
            return PointsErrors.InvalidRule;
        var rule = await db.EarningRules.SingleOrDefaultAsync(r => r.AreaCode == community && r.Kind == kind, ct);
        if (rule is null) db.EarningRules.Add(rule = new EarningRule { Id = Guid.CreateVersion7(), AreaCode = community, Kind = kind });
        else db.Entry(rule).Property(r => r.Version).OriginalValue = request.Version;
        rule.PointsPerUnit = request.PointsPerUnit;
        rule.CapPerDay = request.CapPerDay;
        rule.CapPerMonth = request.CapPerMonth;
        rule.ExpiryMonths = request.ExpiryMonths;
        await db.SaveChangesAsync(ct);
        return new PointsViews.Rule(kind, rule.PointsPerUnit, rule.CapPerDay, rule.CapPerMonth, false, rule.Version, rule.ExpiryMonths);
    }
}
