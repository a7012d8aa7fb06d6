using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>Sign up for an activity (报名) — a place or the waiting list — and cancel, which promotes the first waiting.</summary>
public static class SignUpForActivity
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/activities/{id:guid}/signup", SignUp).RequireAuthorization(Permissions.Volunteering.Serve);
        group.MapPost("/activities/{id:guid}/cancel", Cancel).RequireAuthorization(Permissions.Volunteering.Serve);
    }

    /// <summary>
    /// The aggregate with every sign-up: the waiting list is only right when the whole queue is in hand, so it is read
    /// past the data-scope filter here; what goes back to the caller is only their own sign-up.
    /// </summary>
    public static Task<VolunteerActivity?> LoadAsync(CivicGridDbContext db, Guid id, CancellationToken ct) =>
        db.VolunteerActivities.Include(a => a.Signups).IgnoreQueryFilters([DataScope.FilterName]).SingleOrDefaultAsync(a => a.Id == id, ct);

    static Task<Results<Ok<ActivityViews.Summary>, NotFound, ProblemHttpResult>> SignUp(
        Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        Answer(id, SignUpAsync(db, user, id, clock.GetUtcNow(), ct), db, user, ct);

    static Task<Results<Ok<ActivityViews.Summary>, NotFound, ProblemHttpResult>> Cancel(
        Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        Answer(id, CancelAsync(db, user, id, clock.GetUtcNow(), ct), db, user, ct);

    static async Task<Results<Ok<ActivityViews.Summary>, NotFound, ProblemHttpResult>> Answer(Guid id, Task<Error?> run,
        CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        var error = await run;
        if (error is { Status: 404 }) return TypedResults.NotFound();
        if (error is not null) return error.ToProblem();
        return TypedResults.Ok((await ActivityViews.SummaryAsync(db, user, id, ct))!);
    }

    static readonly Error Missing = Error.NotFound("volunteer.activity_unknown", "活动不存在。");

    /// <summary>The route and the phone's form.</summary>
    public static async Task<Error?> SignUpAsync(CivicGridDbContext db, CurrentUser user, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var activity = await LoadAsync(db, id, ct);
        if (activity is null) return Missing;
        var me = user.Id!.Value;
        // A registered in-service member's hours are their employer's to see.
        var employer = await db.DualRegistrations.Where(r => r.AccountId == me && r.Kind == RegistrationKind.Member)
            .Select(r => r.UnitId).FirstOrDefaultAsync(ct);
        var result = activity.SignUp(me, user.DisplayName, employer, now);
        if (result.IsError) return result.Error;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException)
        {
            // Another sign-up was saved between our read and write (the activity's version, or this account's unique
            // sign-up: a double tap). Ours is made when that one was ours; else the places moved and a retry decides.
            db.ChangeTracker.Clear();
            var mine = await db.ActivitySignups.IgnoreQueryFilters([DataScope.FilterName])
                .AnyAsync(x => x.ActivityId == id && x.AccountId == me && x.Status != SignupStatus.Cancelled, ct);
            return mine ? VolunteerErrors.AlreadySignedUp : Error.StaleWrite;
        }
        return null;
    }

    public static Task<Error?> CancelAsync(CivicGridDbContext db, CurrentUser user, Guid id, DateTimeOffset now, CancellationToken ct) =>
        CancelAsync(db, user.Id!.Value, id, now, ct);

    /// <summary>Cancels the account's sign-up; a volunteer promoted from the waiting list gets a notice in the same
    /// SaveChanges (the demo cancels through here too).</summary>
    public static async Task<Error?> CancelAsync(CivicGridDbContext db, Guid accountId, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var activity = await LoadAsync(db, id, ct);
        var signup = activity?.Signups.SingleOrDefault(s => s.AccountId == accountId);
        if (activity is null || signup is null) return Missing;
        var result = activity.Cancel(signup, now);
        if (result.IsError) return result.Error;
        if (result.Value is { Status: SignupStatus.Confirmed } promoted) db.VolunteerNotices.Add(VolunteerNotice.Promoted(activity, promoted, now));
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            // The activity moved between our read and write: a double tap's first cancel, or someone else's sign-up.
            db.ChangeTracker.Clear();
            var cancelled = await db.ActivitySignups.IgnoreQueryFilters([DataScope.FilterName])
                .AnyAsync(x => x.ActivityId == id && x.AccountId == accountId && x.Status == SignupStatus.Cancelled, ct);
            return cancelled ? VolunteerErrors.NotSignedUp : Error.StaleWrite;
        }
        return null;
    }
}
