using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// The claimer reports the wish fulfilled (完成) with photo proof. Photos are uploaded first to the shared upload store
/// (<c>POST /api/cases/uploads</c>) and named here by id: only the caller's own, each used once.
/// </summary>
public static class FulfilWish
{
    public sealed record Request(string? Note, Guid[]? PhotoIds);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/wishes/{id:guid}/fulfil", Handle).RequireAuthorization(Permissions.Volunteering.Serve);

    static async Task<Results<Ok<WishViews.Summary>, NotFound, ProblemHttpResult>> Handle(
        Guid id, Request request, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var error = await RunAsync(db, user, id, request, clock.GetUtcNow(), ct);
        if (error is { Status: 404 }) return TypedResults.NotFound();
        if (error is not null) return error.ToProblem();
        return TypedResults.Ok((await WishViews.SummaryAsync(db, user, id, ct))!);
    }

    static readonly Error Missing = Error.NotFound("volunteer.wish_unknown", "心愿不存在。");

    public static async Task<Error?> RunAsync(CivicGridDbContext db, CurrentUser user, Guid id, Request request, DateTimeOffset now, CancellationToken ct)
    {
        var wish = await db.MicroWishes.Include(w => w.Photos).SingleOrDefaultAsync(w => w.Id == id, ct);
        if (wish is null) return Missing;
        var ids = (request.PhotoIds ?? []).Distinct().ToArray();
        if (ids.Length > 9) return Shared.Files.FileErrors.TooMany(9);
        var uploads = await db.Uploads.Where(Modules.Cases.Domain.Upload.Usable(now)).Where(u => ids.Contains(u.Id) && u.AccountId == user.Id).ToListAsync(ct);
        if (uploads.Count != ids.Length) return VolunteerErrors.UploadUnknown;
        foreach (var u in uploads) u.UsedAt = now;
        var photos = uploads.Select(u => new WishPhoto
        {
            Id = Guid.CreateVersion7(now), WishId = wish.Id, FileName = u.FileName, ContentType = u.ContentType, Size = u.Size, StorageKey = u.StorageKey,
        }).ToList();
        if (wish.Fulfil(user.Id!.Value, request.Note, photos, now) is { } error) return error;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
