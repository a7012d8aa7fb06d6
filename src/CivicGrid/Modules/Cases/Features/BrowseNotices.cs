using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>My notices: status changes of what I reported, and for unit staff the new work, reminders and supervision of my units.</summary>
public static class BrowseNotices
{
    /// <summary>A notice: <see cref="Text"/> in Chinese, and what it says (<see cref="Message"/> with its <see cref="Argument"/>) for other languages.</summary>
    public sealed record Notice(long Id, Guid CaseId, string CaseNumber, NoticeKind Kind, string Text, NoticeMessage? Message, string? Argument,
        DateTimeOffset At, bool Read);

    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/notices", List).RequireAuthorization();
        cases.MapPost("/notices/read", MarkRead).RequireAuthorization();
    }

    /// <summary>The caller's notices: addressed to them, or to a unit they act for.</summary>
    public static IQueryable<CaseNotice> Mine(CivicGridDbContext db, CurrentUser user)
    {
        var units = user.Scope.UnitIds;
        return db.CaseNotices.Where(n => n.AccountId == user.Id || (n.UnitId != null && units.Contains(n.UnitId.Value)));
    }

    static async Task<Ok<List<Notice>>> List(CivicGridDbContext db, CurrentUser user, bool unreadOnly = false, CancellationToken ct = default)
    {
        var q = Mine(db, user).AsNoTracking();
        if (unreadOnly) q = q.Where(n => n.ReadAt == null);
        return TypedResults.Ok(await Newest(q, 100, ct));
    }

    /// <summary>The newest of <paramref name="notices"/>, as the API and the phone's list show them.</summary>
    public static Task<List<Notice>> Newest(IQueryable<CaseNotice> notices, int count, CancellationToken ct) =>
        notices.OrderByDescending(n => n.Id).Take(count)
            .Select(n => new Notice(n.Id, n.CaseId, n.CaseNumber, n.Kind, n.Text, n.Message, n.Argument, n.At, n.ReadAt != null)).ToListAsync(ct);

    static async Task<NoContent> MarkRead(CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        await MarkAllReadAsync(db, user, clock.GetUtcNow(), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Marks every unread notice of the caller read (the phone's notice list does so when opened).</summary>
    public static async Task MarkAllReadAsync(CivicGridDbContext db, CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var n in await Mine(db, user).Where(n => n.ReadAt == null).ToListAsync(ct)) n.ReadAt = now;
        await db.SaveChangesAsync(ct);
    }
}
