using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>Work queues (待受理, 待派遣, 超期, 退回, 待核查…), lists, one case with its history, and its files. Scope does the limiting.</summary>
public static class BrowseCases
{
    /// <summary>The queues of DOMAIN.md §3's roles. Dispatcher queues hold the cases at the caller's own level.</summary>
    public enum Queue
    {
        All, Mine, ToAccept, ToDispatch, Returned, Overdue, ToVerify, ToClose, ToRate, Supervised, Extensions,
        ToSignFor, Handling,
    }

    public sealed record Filter(Queue Queue = Queue.All, CaseStatus? Status = null, string? Area = null, string? Item = null,
        string? Q = null, int Page = 1, int PageSize = 20);

    public static void Map(RouteGroupBuilder cases)
    {
        cases.MapGet("/", List).RequireAuthorization();
        cases.MapGet("/{id:guid}", Get).RequireAuthorization();
        cases.MapGet("/{id:guid}/attachments/{fileId:guid}", Download).RequireAuthorization();
        cases.MapGet("/queues", Counts).RequireAuthorization();
    }

    static async Task<Ok<Paged<CaseViews.Summary>>> List([AsParameters] Filter filter, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await ListAsync(filter, db, user, ct));

    /// <summary>One page of a queue or filter, newest number first: the route and the console's case list.</summary>
    public static async Task<Paged<CaseViews.Summary>> ListAsync(Filter filter, CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        var query = Apply(db, user, filter);
        var total = await query.CountAsync(ct);
        var page = Math.Clamp(filter.Page, 1, Paging.MaxPage);
        var size = Math.Clamp(filter.PageSize, 1, 100);
        var items = await CaseViews.Summaries(query.OrderByDescending(c => c.Number).Skip((page - 1) * size).Take(size), db).ToListAsync(ct);
        return new Paged<CaseViews.Summary>(total, page, size, items.Select(s => s.WithText()).ToList());
    }

    static async Task<Results<Ok<CaseViews.Detail>, NotFound>> Get(Guid id, CivicGridDbContext db, CurrentUser user,
        CaseDetailParts parts, CancellationToken ct) =>
        await CaseViews.DetailAsync(db, id, user, parts, ct) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    static async Task<Results<FileStreamHttpResult, NotFound>> Download(Guid id, Guid fileId, CivicGridDbContext db, IFileStore store, CancellationToken ct)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound(); // outside scope looks missing
        var file = await db.CaseAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fileId && a.CaseId == id, ct);
        if (file is null || await store.OpenAsync(file.StorageKey, ct) is not { } stream) return TypedResults.NotFound();
        return TypedResults.File(stream, file.ContentType, file.FileName);
    }

    public sealed record QueueCount(Queue Queue, int Count);

    /// <summary>How many cases wait in each queue open to the caller: the console's badges.</summary>
    static async Task<Ok<List<QueueCount>>> Counts(CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await CountAsync(QueuesFor(user), db, user, ct));

    /// <summary>How many cases wait in each of <paramref name="queues"/> for the caller.</summary>
    public static async Task<List<QueueCount>> CountAsync(IEnumerable<Queue> queues, CivicGridDbContext db, CurrentUser user, CancellationToken ct)
    {
        var result = new List<QueueCount>();
        foreach (var q in queues)
            result.Add(new QueueCount(q, await Apply(db, user, new Filter(q)).CountAsync(ct)));
        return result;
    }

    public static IEnumerable<Queue> QueuesFor(CurrentUser user)
    {
        if (user.Can(Identity.Domain.Permissions.Cases.Dispatch))
            foreach (var q in new[] { Queue.ToAccept, Queue.ToDispatch, Queue.Returned, Queue.Extensions, Queue.ToClose, Queue.ToRate }) yield return q;
        if (user.Can(Identity.Domain.Permissions.Cases.Verify)) yield return Queue.ToVerify;
        if (user.Can(Identity.Domain.Permissions.Cases.Handle)) { yield return Queue.ToSignFor; yield return Queue.Handling; }
        if (user.Can(Identity.Domain.Permissions.Cases.View)) { yield return Queue.Overdue; yield return Queue.Supervised; }
        yield return Queue.Mine;
    }

    /// <summary>The cases of a queue or filter, within the caller's scope (the DbContext's filter applies underneath).</summary>
    public static IQueryable<Case> Apply(CivicGridDbContext db, CurrentUser user, Filter f)
    {
        var q = db.Cases.AsNoTracking();
        var units = user.Scope.UnitIds;
        var level = OwnLevel(user.Scope);
        q = f.Queue switch
        {
            Queue.Mine => q.Where(c => c.ReporterAccountId == user.Id),
            Queue.ToAccept => q.Where(c => c.Status == CaseStatus.Reported && c.Level == level),
            Queue.ToDispatch => q.Where(c => c.Status == CaseStatus.Accepted && c.Level == level),
            Queue.Returned => q.Where(c => c.Status == CaseStatus.Accepted && c.ReturnCount > 0 && c.Level == level),
            Queue.Extensions => q.Where(c => c.PendingExtensionDays != null && c.Level == level),
            Queue.ToClose => q.Where(c => c.Status == CaseStatus.Verified && c.Level == level),
            Queue.ToRate => q.Where(c => c.Status == CaseStatus.Closed && (c.Source != CaseSource.Resident || c.ReporterAccountId == null)),
            Queue.ToVerify => q.Where(c => c.Status == CaseStatus.Handled),
            Queue.Overdue => q.Where(c => c.Light == DeadlineStatus.Red && CaseStatuses.WithHandlers.Contains(c.Status)),
            Queue.Supervised => q.Where(c => c.Supervised && c.Status != CaseStatus.Closed && c.Status != CaseStatus.Rated),
            Queue.ToSignFor => q.Where(c => CaseStatuses.WithHandlers.Contains(c.Status)
                && c.Assignments.Any(a => a.Active && a.SignedAt == null && units.Contains(a.UnitId))),
            Queue.Handling => q.Where(c => (c.Status == CaseStatus.SignedFor || c.Status == CaseStatus.Handling)
                && c.Assignments.Any(a => a.Active && a.Role == AssignmentRole.Lead && units.Contains(a.UnitId))),
            _ => q,
        };
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        if (f.Area is { Length: > 0 } area) { var prefix = AreaCodePrefix.Of(area); q = q.Where(c => c.AreaCode.StartsWith(prefix)); }
        if (f.Item is { Length: > 0 } item) q = q.Where(c => c.ItemCode.StartsWith(item));
        if (f.Q is { Length: > 0 } text) q = q.Where(c => c.Number.Contains(text) || c.Description.Contains(text) || c.Address.Contains(text));
        return q;
    }

    /// <summary>The level a dispatcher works at: their widest area scope (a street worker's is the street).</summary>
    public static CaseLevel OwnLevel(DataScope scope) =>
        scope.IsUnrestricted || scope.AreaPrefixes.Any(p => p.Length <= 6) ? CaseLevel.District
        : scope.AreaPrefixes.Any(p => p.Length <= 9) ? CaseLevel.Street : CaseLevel.Community;
}
