using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>Community staff confirm a registration with their community (报到确认).</summary>
public static class ConfirmRegistration
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/confirm", Handle).RequireAuthorization(Permissions.Volunteering.Manage);

    static async Task<Results<Ok<RegistrationViews.Row>, NotFound, ProblemHttpResult>> Handle(
        Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var registration = await db.DualRegistrations.SingleOrDefaultAsync(r => r.Id == id, ct);
        // Seen through a unit or as one's own is not enough: confirming is the community's.
        if (registration is null || !user.Scope.Covers(registration.AreaCode)) return TypedResults.NotFound();
        if (registration.Confirm(user.Id!.Value, clock.GetUtcNow()) is { } error) return error.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await RegistrationViews.RowsAsync(db.DualRegistrations.Where(r => r.Id == id), db, ct)).Single());
    }
}
