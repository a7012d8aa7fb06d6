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

    static async Task<Results<Ok<ActivityViews.Summary>, NotFound, ProblemHttpResult>> SignUp(
        Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var activity = await LoadAsync(db, id, ct);
        if (activity is null) return TypedResults.NotFound();
        var me = user.Id!.Value;
        // A registered in-service member's hours are their employer's to see.
        var employer = await db.DualRegistrations.Where(r => r.AccountId == me && r.Kind == RegistrationKind.Member)
            .Select(r => r.UnitId).FirstOrDefaultAsync(ct);
        var result = activity.SignUp(me, user.DisplayName, employer, clock.GetUtcNow());
        if (result.IsError) return result.Error!.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ActivityViews.SummaryAsync(db, user, id, ct))!);
    }

    static async Task<Results<Ok<ActivityViews.Summary>, NotFound, ProblemHttpResult>> Cancel(
        Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var activity = await LoadAsync(db, id, ct);
        var signup = activity?.Signups.SingleOrDefault(s => s.AccountId == user.Id);
        if (activity is null || signup is null) return TypedResults.NotFound();
        var result = activity.Cancel(signup, clock.GetUtcNow());
        if (result.IsError) return result.Error!.ToProblem();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok((await ActivityViews.SummaryAsync(db, user, id, ct))!);
    }
}
