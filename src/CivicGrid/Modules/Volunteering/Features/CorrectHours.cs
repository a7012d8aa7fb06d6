using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// Attendance of an activity for its community's staff (报名与考勤), and the correction of one volunteer's minutes
/// (工时更正), recorded with who, when, old, new and why. Points follow (DOMAIN.md §5): the correction raises its own
/// points event (the change in minutes, sourced to the correction row) in the same SaveChanges; the points module
/// credits the difference or takes it back as a new entry, the check-out's entry stands.
/// </summary>
public static class CorrectHours
{
    public sealed record Request(int Minutes, string? Reason);

    public sealed record Correction(DateTimeOffset At, string By, int? OldMinutes, int NewMinutes, string Reason);

    public sealed record Attendee(Guid SignupId, string Name, SignupStatus Status, DateTimeOffset SignedUpAt, DateTimeOffset? PromotedAt,
        DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, int? Minutes, List<Correction> Corrections);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/activities/{id:guid}/signups", Attendance).RequireAuthorization(Permissions.Volunteering.Manage);
        group.MapPost("/signups/{id:guid}/correct", Correct).RequireAuthorization(Permissions.Volunteering.Manage);
    }

    static async Task<Results<Ok<List<Attendee>>, NotFound>> Attendance(Guid id, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
        await AttendanceAsync(db, user, id, ct) is { } list ? TypedResults.Ok(list) : TypedResults.NotFound();

    public static async Task<List<Attendee>?> AttendanceAsync(CivicGridDbContext db, CurrentUser user, Guid activityId, CancellationToken ct)
    {
        var area = await db.VolunteerActivities.Where(a => a.Id == activityId).Select(a => a.AreaCode).SingleOrDefaultAsync(ct);
        if (area is null || !user.Scope.Covers(area)) return null;
        return await db.ActivitySignups.Where(s => s.ActivityId == activityId)
            .OrderBy(s => s.Status).ThenBy(s => s.Turn)
            .Select(s => new Attendee(s.Id, s.Name, s.Status, s.SignedUpAt, s.PromotedAt, s.CheckedInAt, s.CheckedOutAt, s.Minutes,
                s.Corrections.OrderBy(c => c.At).Select(c => new Correction(c.At, c.ByName, c.OldMinutes, c.NewMinutes, c.Reason)).ToList()))
            .ToListAsync(ct);
    }

    static async Task<Results<Ok<Attendee>, NotFound, ProblemHttpResult>> Correct(
        Guid id, Request request, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var error = await RunAsync(db, user, id, request, clock.GetUtcNow(), ct);
        if (error is { Status: 404 }) return TypedResults.NotFound();
        if (error is not null) return error.ToProblem();
        var activityId = await db.ActivitySignups.Where(s => s.Id == id).Select(s => s.ActivityId).SingleAsync(ct);
        return TypedResults.Ok((await AttendanceAsync(db, user, activityId, ct))!.Single(a => a.SignupId == id));
    }

    static readonly Error Missing = Error.NotFound("volunteer.signup_unknown", "报名记录不存在。");

    public static async Task<Error?> RunAsync(CivicGridDbContext db, CurrentUser user, Guid signupId, Request request, DateTimeOffset now, CancellationToken ct)
    {
        var signup = await db.ActivitySignups.Include(s => s.Corrections).SingleOrDefaultAsync(s => s.Id == signupId, ct);
        // Seen as one's own or through the employer is not enough: correcting is the organising community's.
        if (signup is null || !user.Scope.Covers(signup.AreaCode)) return Missing;
        var result = signup.Correct(request.Minutes, request.Reason, user.Id!.Value, user.DisplayName, now);
        if (result.IsError) return result.Error;
        var correction = result.Value;
        if (correction.NewMinutes - (correction.OldMinutes ?? 0) is var delta and not 0)
        {
            var title = await db.VolunteerActivities.Where(a => a.Id == signup.ActivityId).Select(a => a.Title).SingleAsync(ct);
            await PointsEvents.RaiseCorrectionAsync(db, PointsEventKinds.VolunteerHoursCorrected, correction.Id, signup.Id,
                signup.AccountId, signup.AreaCode, delta, title, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return null;
    }
}
