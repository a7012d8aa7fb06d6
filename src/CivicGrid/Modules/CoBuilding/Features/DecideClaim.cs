using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>The community confirms a unit's claim (确认), or declines it with a reason, which frees the need.</summary>
public static class DecideClaim
{
    public sealed record DeclineRequest(string? Reason);

    public static void Map(RouteGroupBuilder g)
    {
        g.MapPost("/needs/{id:guid}/confirm", Confirm).RequireAuthorization(Permissions.CoBuilding.Manage);
        g.MapPost("/needs/{id:guid}/decline", Decline).RequireAuthorization(Permissions.CoBuilding.Manage);
    }

    public static Task<Results<Ok<BrowseLists.NeedView>, NotFound, ProblemHttpResult>> Confirm(Guid id, CivicGridDbContext db, CurrentUser user,
        TimeProvider clock, CancellationToken ct) =>
        Decide(id, db, user, ct, n => n.Confirm(clock.GetUtcNow()));

    public static Task<Results<Ok<BrowseLists.NeedView>, NotFound, ProblemHttpResult>> Decline(Guid id, DeclineRequest r, CivicGridDbContext db,
        CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        Decide(id, db, user, ct, n => n.Decline(Access.Clip(r.Reason, 500), clock.GetUtcNow()));

    public static async Task<Results<Ok<BrowseLists.NeedView>, NotFound, ProblemHttpResult>> Decide(Guid id, CivicGridDbContext db, CurrentUser user,
        CancellationToken ct, Func<Need, Error?> move)
    {
        var need = await db.CoBuildingNeeds.SingleOrDefaultAsync(n => n.Id == id, ct);
        // The decision is the community's: a need seen only as the claiming unit's is not theirs to decide.
        if (need is null || !user.Scope.Covers(need.AreaCode)) return TypedResults.NotFound();
        var claimant = need.ClaimedByUnitId;
        if (move(need) is { } error) return error.ToProblem();
        await db.SaveChangesAsync(ct);
        var names = await Access.UnitNamesAsync(db, [claimant], ct);
        return TypedResults.Ok(BrowseLists.View(need, names.Name(need.ClaimedByUnitId)));
    }
}
