using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>A volunteer's own notices (e.g. 候补转正) and marking them read. Only the caller's: another's is a 404.</summary>
public static class VolunteerNotices
{
    public sealed record Notice(Guid Id, VolunteerNoticeKind Kind, Guid ActivityId, string Title, DateTimeOffset StartsAt, string Text,
        DateTimeOffset At, bool Read);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/me/notices", List).RequireAuthorization();
        group.MapPost("/me/notices/{id:guid}/read", MarkOneRead).RequireAuthorization();
        group.MapPost("/me/notices/read", MarkAllRead).RequireAuthorization();
    }

    static async Task<Ok<List<Notice>>> List(CivicGridDbContext db, CurrentUser user, bool unreadOnly = false, CancellationToken ct = default) =>
        TypedResults.Ok(await ListAsync(db, user, unreadOnly, ct));

    /// <summary>Newest first. Addressed to the caller's account (the scope filter says the same; this is the rule).</summary>
    public static Task<List<Notice>> ListAsync(CivicGridDbContext db, CurrentUser user, bool unreadOnly, CancellationToken ct)
    {
        var query = db.VolunteerNotices.AsNoTracking().Where(n => n.AccountId == user.Id);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        return query.OrderByDescending(n => n.At).Take(100)
            .Select(n => new Notice(n.Id, n.Kind, n.ActivityId, n.Title, n.StartsAt, n.Text, n.At, n.ReadAt != null)).ToListAsync(ct);
    }

    static async Task<Results<NoContent, NotFound>> MarkOneRead(Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var notice = await db.VolunteerNotices.SingleOrDefaultAsync(n => n.Id == id && n.AccountId == user.Id, ct);
        if (notice is null) return TypedResults.NotFound();
        notice.ReadAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    static async Task<NoContent> MarkAllRead(CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        await MarkAllReadAsync(db, user, clock.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }

    /// <summary>The route and the phone's 知道了 button.</summary>
    public static async Task MarkAllReadAsync(CivicGridDbContext db, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var n in await db.VolunteerNotices.Where(n => n.AccountId == user.Id && n.ReadAt == null).ToListAsync(ct)) n.ReadAt = now;
        await db.SaveChangesAsync(ct);
    }
}
