using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>Wishes as the caller may see them: the open board, the ones they posted or claimed, and their community's.
/// The resident is shown by community only — never by name or address — to anyone but the community's staff.</summary>
public static class WishViews
{
    public enum Show { All, Open, Posted, Claimed }

    public sealed record Summary(Guid Id, string Title, string Description, string CommunityCode, string CommunityName, WishStatus Status,
        DateTimeOffset PostedAt, string? ClaimedBy, DateTimeOffset? ClaimedAt, string? FulfilmentNote, DateTimeOffset? FulfilledAt,
        DateTimeOffset? ConfirmedAt, List<Guid> PhotoIds, bool MineToFulfil, bool MineToConfirm);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/wishes", List).RequireAuthorization();
        group.MapGet("/wishes/{id:guid}", Get).RequireAuthorization();
        group.MapGet("/wishes/{id:guid}/photos/{photoId:guid}", Photo).RequireAuthorization();
    }

    static async Task<Ok<List<Summary>>> List(Show? show, WishStatus? status, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(db, user, show ?? Show.All, status, ct));

    static async Task<Results<Ok<Summary>, NotFound>> Get(Guid id, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
        await SummaryAsync(db, user, id, ct) is { } s ? TypedResults.Ok(s) : TypedResults.NotFound();

    static async Task<Results<FileStreamHttpResult, NotFound>> Photo(Guid id, Guid photoId, CivicGridDbContext db, IFileStore store, CancellationToken ct)
    {
        if (!await db.MicroWishes.AnyAsync(w => w.Id == id, ct)) return TypedResults.NotFound(); // outside scope looks missing
        var photo = await db.WishPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.Id == photoId && p.WishId == id, ct);
        if (photo is null || await store.OpenAsync(photo.StorageKey, ct) is not { } stream) return TypedResults.NotFound();
        return TypedResults.File(stream, photo.ContentType, photo.FileName);
    }

    public static Task<List<Summary>> ListAsync(CivicGridDbContext db, CurrentUser user, Show show, WishStatus? status, CancellationToken ct)
    {
        var me = user.Id;
        var query = db.MicroWishes.AsQueryable();
        query = show switch
        {
            Show.Open => query.Where(w => w.Status == WishStatus.Open),
            Show.Posted => query.Where(w => w.PostedByAccountId == me || w.ForAccountId == me),
            Show.Claimed => query.Where(w => w.ClaimedByAccountId == me),
            _ => query,
        };
        if (status is { } s) query = query.Where(w => w.Status == s);
        return ProjectAsync(query.OrderBy(w => w.Status).ThenByDescending(w => w.PostedAt).Take(300), db, me, ct);
    }

    public static async Task<Summary?> SummaryAsync(CivicGridDbContext db, CurrentUser user, Guid id, CancellationToken ct) =>
        (await ProjectAsync(db.MicroWishes.Where(w => w.Id == id), db, user.Id, ct)).SingleOrDefault();

    // Community names in a second query: an IgnoreQueryFilters inside the projection would lift the wish filter too.
    static async Task<List<Summary>> ProjectAsync(IQueryable<MicroWish> query, CivicGridDbContext db, Guid? me, CancellationToken ct)
    {
        var wishes = await query.AsNoTracking().Include(w => w.Photos).ToListAsync(ct);
        var names = await Names.AreasAsync(db, wishes.Select(w => w.CommunityCode), ct);
        return wishes.Select(w => new Summary(w.Id, w.Title, w.Description, w.CommunityCode, names.GetValueOrDefault(w.CommunityCode, ""),
            w.Status, w.PostedAt, w.ClaimedByName, w.ClaimedAt, w.FulfilmentNote, w.FulfilledAt, w.ConfirmedAt,
            w.Photos.Select(p => p.Id).ToList(),
            w.Status == WishStatus.Claimed && w.ClaimedByAccountId == me,
            w.Status == WishStatus.Fulfilled && w.ForAccountId == me)).ToList();
    }
}
