using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// 认领: a unit takes on an open need. One unit at a time: a second claim, even one racing the first, is
/// <c>cobuilding.need_taken</c> (the need's version token turns the race into that answer).
/// </summary>
public static class ClaimNeed
{
    public sealed record Request(Guid? UnitId, string? Note);

    public static void Map(RouteGroupBuilder g) =>
        g.MapPost("/needs/{id:guid}/claim", Handle).RequireAuthorization(Permissions.CoBuilding.Take);

    public static async Task<Results<Ok<BrowseLists.NeedView>, NotFound, ProblemHttpResult>> Handle(Guid id, Request? r, CivicGridDbContext db,
        CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var unit = Access.ActingUnit(user, r?.UnitId);
        if (unit.IsError) return unit.Error!.ToProblem();
        var need = await db.CoBuildingNeeds.SingleOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return TypedResults.NotFound();
        if (need.Claim(unit.Value, Access.Clip(r?.Note, 500), clock.GetUtcNow()) is { } error) return error.ToProblem();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CoBuildingErrors.NeedTaken.ToProblem(); }
        var names = await Access.UnitNamesAsync(db, [need.ClaimedByUnitId], ct);
        return TypedResults.Ok(BrowseLists.View(need, names.Name(need.ClaimedByUnitId)));
    }
}
