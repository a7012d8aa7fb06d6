using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>A unit registers with the community it is paired with (单位双报到). Only an account acting for the unit may.</summary>
public static class RegisterUnit
{
    public sealed record Request(Guid UnitId, string CommunityCode);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/registrations/units", Handle).RequireAuthorization();

    static async Task<Results<Created<RegistrationViews.Row>, NotFound, ProblemHttpResult>> Handle(
        Request request, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var result = await RunAsync(request, db, user, clock.GetUtcNow(), ct);
        if (result.Error is { Status: 404 }) return TypedResults.NotFound();
        if (result.IsError) return result.Error!.ToProblem();
        var row = (await RegistrationViews.RowsAsync(db.DualRegistrations.Where(r => r.Id == result.Value), db, ct)).Single();
        return TypedResults.Created($"/api/volunteering/registrations/{result.Value}", row);
    }

    static readonly Error Missing = Error.NotFound("volunteer.unit_unknown", "单位不存在。");

    /// <summary>The route and the unit's console page (/volunteering/unit): the new registration's id, or why not.</summary>
    public static async Task<Result<Guid>> RunAsync(Request request, CivicGridDbContext db, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        // A unit acting for another unit: that unit does not exist for the caller.
        if (!user.Scope.IsUnrestricted && !user.Scope.UnitIds.Contains(request.UnitId)) return Missing;
        var unit = await db.Organisations.IgnoreQueryFilters([DataScope.FilterName]).SingleOrDefaultAsync(o => o.Id == request.UnitId, ct);
        if (unit is null) return Missing;
        if (!await RegistrationViews.IsCommunityAsync(db, request.CommunityCode, ct)) return VolunteerErrors.CommunityUnknown;
        if (await db.DualRegistrations.AnyAsync(r => r.Kind == RegistrationKind.Unit && r.UnitId == unit.Id && r.AreaCode == request.CommunityCode, ct))
            return VolunteerErrors.AlreadyRegistered;
        var registration = new DualRegistration
        {
            Id = Guid.CreateVersion7(now), Kind = RegistrationKind.Unit, AreaCode = request.CommunityCode, UnitId = unit.Id,
            AccountId = user.Id!.Value, Name = unit.Name, RegisteredAt = now,
        };
        db.DualRegistrations.Add(registration);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) // the same unit registered with the same community at the same moment: the unique index kept one
        {
            db.ChangeTracker.Clear();
            return VolunteerErrors.AlreadyRegistered;
        }
        return registration.Id;
    }
}
