using CivicGrid.Modules.CoBuilding.Features;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// Community staff confirm a registration with their community (报到确认). A confirmed unit is paired with the community:
/// it joins the community's 大党委 (<see cref="PairUnit"/>) in the same SaveChanges, unless it is a member already.
/// </summary>
public static class ConfirmRegistration
{
    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/{id:guid}/confirm", Handle).RequireAuthorization(Permissions.Volunteering.Manage);

    static async Task<Results<Ok<RegistrationViews.Row>, NotFound, ProblemHttpResult>> Handle(
        Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var error = await RunAsync(db, user, id, clock.GetUtcNow(), ct);
        if (error is { Status: 404 }) return TypedResults.NotFound();
        if (error is not null) return error.ToProblem();
        return TypedResults.Ok((await RegistrationViews.RowsAsync(db.DualRegistrations.Where(r => r.Id == id), db, ct)).Single());
    }

    static readonly Error Missing = Error.NotFound("volunteer.registration_unknown", "报到记录不存在。");

    /// <summary>The route and the console's confirm button.</summary>
    public static async Task<Error?> RunAsync(CivicGridDbContext db, CurrentUser user, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var registration = await db.DualRegistrations.SingleOrDefaultAsync(r => r.Id == id, ct);
        // Seen through a unit or as one's own is not enough: confirming is the community's.
        if (registration is null || !user.Scope.Covers(registration.AreaCode)) return Missing;
        if (await ConfirmAsync(db, registration, user.Id!.Value, now, ct) is { } error) return error;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Confirms and pairs, unsaved: the caller's SaveChanges writes both (the demo confirms this way too).</summary>
    public static async Task<Error?> ConfirmAsync(CivicGridDbContext db, DualRegistration registration, Guid by, DateTimeOffset now, CancellationToken ct)
    {
        if (registration.Confirm(by, now) is { } error) return error;
        if (registration is { Kind: RegistrationKind.Unit, UnitId: { } unit })
            await PairUnit.JoinCommunityAllianceAsync(db, unit, registration.AreaCode, now, ct);
        return null;
    }
}
