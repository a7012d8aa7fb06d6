using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>Community staff publish a volunteer activity (发布志愿活动) of a community in their scope.</summary>
public static class PublishActivity
{
    public sealed record Request(string CommunityCode, string Title, string? Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
        string Address, double Longitude, double Latitude, int Places);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/activities", Handle).RequireAuthorization(Permissions.Volunteering.Manage);

    static async Task<Results<Created<ActivityViews.Summary>, NotFound, ProblemHttpResult>> Handle(
        Request request, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var result = await RunAsync(request, db, user, clock.GetUtcNow(), ct);
        if (result.IsError) return result.Error!.Status == 404 ? TypedResults.NotFound() : result.Error.ToProblem();
        return TypedResults.Created($"/api/volunteering/activities/{result.Value.Id}",
            await ActivityViews.SummaryAsync(db, user, result.Value.Id, ct));
    }

    static readonly Error OutsideScope = Error.NotFound("volunteer.community_unknown", "社区不存在。");

    /// <summary>The route and the console's form.</summary>
    public static async Task<Result<VolunteerActivity>> RunAsync(Request r, CivicGridDbContext db, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        if (!user.Scope.Covers(r.CommunityCode ?? "")) return OutsideScope;
        if (!await RegistrationViews.IsCommunityAsync(db, r.CommunityCode, ct)) return VolunteerErrors.CommunityUnknown;
        if (string.IsNullOrWhiteSpace(r.Title) || string.IsNullOrWhiteSpace(r.Address) || r.EndsAt <= r.StartsAt || r.Places < 1
            || r.Places > 10_000 || r.Longitude is < -180 or > 180 || r.Latitude is < -90 or > 90)
            return VolunteerErrors.ActivityInvalid;
        var activity = new VolunteerActivity
        {
            Id = Guid.CreateVersion7(now), AreaCode = r.CommunityCode!, Title = r.Title.Trim(), Description = r.Description?.Trim() ?? "",
            StartsAt = r.StartsAt.ToUniversalTime(), EndsAt = r.EndsAt.ToUniversalTime(), Address = r.Address.Trim(),
            Longitude = r.Longitude, Latitude = r.Latitude, Places = r.Places, CreatedBy = user.Id!.Value, CreatedAt = now,
        };
        db.VolunteerActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity;
    }
}
