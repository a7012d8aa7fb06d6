using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Points.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// The resident (or community staff for them) confirms the wish fulfilled (确认完成); the one who fulfilled it earns
/// points: <see cref="PointsEventKinds.WishFulfilled"/> raised in the same SaveChanges, for the claiming account (when
/// a unit claimed, the person who acted for it).
/// </summary>
public static class ConfirmWish
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/wishes/{id:guid}/confirm", Handle).RequireAuthorization();

    static async Task<Results<Ok<WishViews.Summary>, NotFound, ProblemHttpResult>> Handle(
        Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var error = await RunAsync(db, user, id, clock.GetUtcNow(), ct);
        if (error is { Status: 404 }) return TypedResults.NotFound();
        if (error is not null) return error.ToProblem();
        return TypedResults.Ok((await WishViews.SummaryAsync(db, user, id, ct))!);
    }

    static readonly Error Missing = Error.NotFound("volunteer.wish_unknown", "心愿不存在。");

    public static async Task<Error?> RunAsync(CivicGridDbContext db, CurrentUser user, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var wish = await db.MicroWishes.SingleOrDefaultAsync(w => w.Id == id, ct);
        if (wish is null) return Missing;
        var mayConfirm = (wish.ForAccountId is { } resident && resident == user.Id)
            || (user.Can(Permissions.Volunteering.Manage) && user.Scope.Covers(wish.AreaCode));
        if (!mayConfirm) return Missing;
        if (wish.Confirm(user.Id!.Value, now) is { } error) return error;
        await PointsEvents.RaiseAsync(db, PointsEventKinds.WishFulfilled, wish.Id, wish.ClaimedByAccountId!.Value, wish.CommunityCode,
            1, wish.Title, now, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }
}
