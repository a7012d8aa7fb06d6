using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// A resident posts a micro-wish (发布微心愿) from their own account; community staff post one for a resident of their
/// community (代发), who then confirms through their own account if they have one, or the staff confirm for them.
/// </summary>
public static class PostWish
{
    public sealed record Request(string Title, string? Description, Guid? ResidentId);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/wishes", Handle).RequireAuthorization();

    static async Task<Results<Created<WishViews.Summary>, ProblemHttpResult>> Handle(
        Request request, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var result = await RunAsync(request, db, user, clock.GetUtcNow(), ct);
        if (result.IsError) return result.Error!.ToProblem();
        return TypedResults.Created($"/api/volunteering/wishes/{result.Value}", (await WishViews.SummaryAsync(db, user, result.Value, ct))!);
    }

    public static async Task<Result<Guid>> RunAsync(Request request, CivicGridDbContext db, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200) return VolunteerErrors.WishInvalid;
        var onBehalf = request.ResidentId is not null && user.Can(Permissions.Volunteering.Manage);
        var residentId = onBehalf ? request.ResidentId : user.Scope.ResidentId;
        if (residentId is null) return VolunteerErrors.WishInvalid;
        // Staff reach the resident through their scope; a resident reaches their own record.
        var area = await db.Residents.Where(r => r.Id == residentId).Select(r => r.AreaCode).SingleOrDefaultAsync(ct);
        if (area is null) return VolunteerErrors.WishInvalid;
        Guid? forAccount = onBehalf
            ? await db.AccountScopes.Where(s => s.Kind == ScopeKind.Self && s.ResidentId == residentId).Select(s => (Guid?)s.AccountId).FirstOrDefaultAsync(ct)
            : user.Id;
        var wish = new MicroWish
        {
            Id = Guid.CreateVersion7(now), AreaCode = area, Title = request.Title.Trim(), Description = request.Description?.Trim() ?? "",
            ResidentId = residentId, PostedByAccountId = user.Id!.Value, ForAccountId = forAccount, PostedAt = now,
        };
        db.MicroWishes.Add(wish);
        await db.SaveChangesAsync(ct);
        return wish.Id;
    }
}
