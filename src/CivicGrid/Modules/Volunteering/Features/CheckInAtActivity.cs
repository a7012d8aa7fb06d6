using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// Check-in and check-out (签到、签退) by the code read from the organiser's QR (<see cref="CheckInCodes"/>). Check-out
/// computes the minutes served and raises the points event in the same SaveChanges.
/// </summary>
public static class CheckInAtActivity
{
    public sealed record Request(string? Code);

    public enum Move { CheckIn, CheckOut }

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/activities/{id:guid}/check-in", (Guid id, Request r, CivicGridDbContext db, CurrentUser u, CheckInCodes c, TimeProvider t, CancellationToken ct)
            => Handle(Move.CheckIn, id, r, db, u, c, t, ct)).RequireAuthorization(Permissions.Volunteering.Serve);
        group.MapPost("/activities/{id:guid}/check-out", (Guid id, Request r, CivicGridDbContext db, CurrentUser u, CheckInCodes c, TimeProvider t, CancellationToken ct)
            => Handle(Move.CheckOut, id, r, db, u, c, t, ct)).RequireAuthorization(Permissions.Volunteering.Serve);
    }

    static async Task<Results<Ok<ActivityViews.Summary>, NotFound, ProblemHttpResult>> Handle(Move move,
        Guid id, Request request, CivicGridDbContext db, CurrentUser user, CheckInCodes codes, TimeProvider clock, CancellationToken ct)
    {
        var error = await RunAsync(move, id, request.Code, db, user, codes, clock.GetUtcNow(), ct);
        if (error is { Status: 404 }) return TypedResults.NotFound();
        if (error is not null) return error.ToProblem();
        return TypedResults.Ok((await ActivityViews.SummaryAsync(db, user, id, ct))!);
    }

    static readonly Error Missing = Error.NotFound("volunteer.activity_unknown", "活动不存在。");

    public static async Task<Error?> RunAsync(Move move, Guid id, string? code, CivicGridDbContext db, CurrentUser user, CheckInCodes codes,
        DateTimeOffset now, CancellationToken ct)
    {
        var activity = await db.VolunteerActivities.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return Missing;
        if (codes.Check(activity.Id, code) is { } refused) return refused;
        var signup = await db.ActivitySignups.SingleOrDefaultAsync(s => s.ActivityId == id && s.AccountId == user.Id, ct);
        if (signup is null) return VolunteerErrors.NotSignedUp;
        if (move == Move.CheckIn) return activity.CheckIn(signup, now) ?? await SaveAsync(db, ct);
        if (activity.CheckOut(signup, now) is { } error) return error;
        // Hours earn points (DOMAIN.md §5); nothing to earn for a zero-minute stay.
        if (signup.Minutes > 0)
            await PointsEvents.RaiseAsync(db, PointsEventKinds.VolunteerHours, signup.Id, signup.AccountId, activity.AreaCode,
                signup.Minutes.Value, activity.Title, now, ct);
        return await SaveAsync(db, ct);
    }

    static async Task<Error?> SaveAsync(CivicGridDbContext db, CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return Error.StaleWrite; } // a second scan raced the first
        return null;
    }
}
