using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>A volunteer claims an open wish (认领), for themselves or for a unit they act for.</summary>
public static class ClaimWish
{
    public sealed record Request(Guid? UnitId);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/wishes/{id:guid}/claim", Handle).RequireAuthorization(Permissions.Volunteering.Serve);

    static async Task<Results<Ok<WishViews.Summary>, NotFound, ProblemHttpResult>> Handle(
        Guid id, Request? request, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var unitId = request?.UnitId;
        // A unit acting for another unit: that unit does not exist for the caller.
        if (unitId is { } u && !user.Scope.UnitIds.Contains(u)) return TypedResults.NotFound();
        // Read past the filter: a wish claimed by someone else is no longer on the board, but claiming it must say so.
        var wish = await db.MicroWishes.IgnoreQueryFilters([DataScope.FilterName]).SingleOrDefaultAsync(w => w.Id == id, ct);
        if (wish is null) return TypedResults.NotFound();
        var name = unitId is { } unit
            ? await db.Organisations.IgnoreQueryFilters([DataScope.FilterName]).Where(o => o.Id == unit).Select(o => o.Name).SingleAsync(ct)
            : user.DisplayName;
        if (wish.Claim(user.Id!.Value, unitId, name, clock.GetUtcNow()) is { } error) return error.ToProblem();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Domain.VolunteerErrors.WishTaken.ToProblem(); } // someone claimed it between our read and write
        return TypedResults.Ok((await WishViews.SummaryAsync(db, user, id, ct))!);
    }
}
