using CivicGrid.Modules.Areas;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// What a case's detail is made of besides the case's own rows: its catalog item and its areas' names (both held in
/// memory, ADR 16) and where it came from (<see cref="ICaseOrigin"/>, answered by the module that opened it).
/// </summary>
public sealed class CaseDetailParts(RememberedCatalog catalog, AreaNames names, IEnumerable<ICaseOrigin> origins)
{
    public RememberedCatalog Catalog => catalog;
    public AreaNames Names => names;
    public IEnumerable<ICaseOrigin> Origins => origins;
}

/// <summary>What the API and pages show of a case: a summary for lists and queues, the detail with its whole history.</summary>
public static class CaseViews
{
    public sealed record Summary(Guid Id, string Number, CaseStatus Status, string StatusText, CaseSource Source, string ItemCode,
        string ItemName, string Description, string Address, string AreaCode, CaseLevel Level, CasePriority Priority,
        DateTimeOffset ReportedAt, DateTimeOffset? HandlingDue, DeadlineStatus Light, bool Supervised, bool Whistled,
        int ReturnCount, int ReopenCount, int Version);

    public sealed record Detail(Summary Case, double Longitude, double Latitude, string ReporterName, string? ReporterPhone,
        bool OnTheSpot, int EscalationCount, int? PendingExtensionDays, string? PendingExtensionReason, bool? Solved,
        Satisfaction? Rating, string? RatingComment, Guid? MergedIntoId, List<AssignmentView> Assignments,
        List<HistoryEntry> History, string GridName, string CommunityName, string StreetName, List<CaseAction> Moves,
        CaseOrigin? Origin);

    public sealed record AssignmentView(Guid UnitId, string UnitName, AssignmentRole Role, DateTimeOffset AssignedAt,
        DateTimeOffset ResponseDue, DateTimeOffset? SignedAt, bool Active);

    /// <summary>
    /// One step of the history. <see cref="Comment"/> is as written; where the platform wrote it, <see cref="Note"/> and
    /// <see cref="NoteArguments"/> say what it says, for pages in another language.
    /// </summary>
    public sealed record HistoryEntry(int Seq, DateTimeOffset At, string ActorName, CaseAction Action, CaseStatus? From,
        CaseStatus To, string? Comment, CaseNote? Note, string[]? NoteArguments, string? UnitName, AssignmentRole? UnitRole,
        List<AttachmentView> Attachments);

    public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Url);

    /// <summary>The light shown now: the recorded one, or a later one the sweep has not reached yet.</summary>
    public static DeadlineStatus LightAt(Case c, DateTimeOffset now) =>
        c.HandlingDeadline is { } d && CaseStatuses.WithHandlers.Contains(c.Status) && d.StatusAt(now) > c.Light ? d.StatusAt(now) : c.Light;

    public static IQueryable<Summary> Summaries(IQueryable<Case> cases, CivicGridDbContext db) =>
        from c in cases
        join i in db.CatalogItems on c.ItemCode equals i.Code
        select new Summary(c.Id, c.Number, c.Status, "", c.Source, c.ItemCode, i.Name, c.Description, c.Address, c.AreaCode,
            c.Level, c.Priority, c.ReportedAt, c.HandlingDue, c.Light, c.Supervised, c.Whistled, c.ReturnCount, c.ReopenCount, c.Version);

    public static Summary WithText(this Summary s) => s with { StatusText = s.Status.ToChinese() };

    /// <summary>
    /// The detail of a case the caller can see (the DbContext's scope applies), or null; with the moves open to
    /// <paramref name="user"/> now (<see cref="CaseMoves.OpenTo"/>), so an app shows the same buttons as the console.
    /// </summary>
    public static async Task<Detail?> DetailAsync(CivicGridDbContext db, Guid id, CurrentUser user, CaseDetailParts parts,
        CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Assignments).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var (history, files) = await HistoryAsync(db, id, ct);
        return await ComposeAsync(db, c, null, history, files, user, parts, made: false, ct);
    }

    /// <summary>
    /// The detail of a case this context has just saved: the case as tracked, no reload. A case made in this unit of
    /// work has its whole history tracked too (the history writer added it), so the answer to an intake reads nothing
    /// (item and names are in memory, and a new case has no origin yet); a moved case reads its history with its photos
    /// (one read) and its origin.
    /// </summary>
    public static async Task<Detail> DetailOfSavedAsync(CivicGridDbContext db, Case c, CatalogItem? item, CurrentUser user,
        CaseDetailParts parts, CancellationToken ct)
    {
        var tracked = db.ChangeTracker.Entries<CaseTransition>().Select(e => e.Entity).Where(t => t.CaseId == c.Id).ToList();
        var made = tracked.Any(t => t.Seq == 1);
        var (history, files) = made
            ? (tracked, db.ChangeTracker.Entries<CaseAttachment>().Select(e => e.Entity).Where(a => a.CaseId == c.Id).ToList())
            : await HistoryAsync(db, c.Id, ct);
        // A case made in this unit of work has no origin yet: whoever opened it links it after the intake.
        return await ComposeAsync(db, c, item, history, files, user, parts, made, ct);
    }

    /// <summary>A case's history entries and the photos attached to them, in one read.</summary>
    static async Task<(List<CaseTransition> History, List<CaseAttachment> Files)> HistoryAsync(CivicGridDbContext db, Guid caseId,
        CancellationToken ct)
    {
        var rows = await (
            from t in db.CaseTransitions.AsNoTracking().Where(t => t.CaseId == caseId)
            join a in db.CaseAttachments.AsNoTracking() on new { t.CaseId, t.Seq } equals new { a.CaseId, Seq = a.TransitionSeq } into attached
            from a in attached.DefaultIfEmpty()
            select new { Entry = t, File = a }).ToListAsync(ct);
        return (rows.Select(r => r.Entry).DistinctBy(t => t.Seq).ToList(), rows.Where(r => r.File != null).Select(r => r.File!).ToList());
    }

    /// <summary>
    /// Steps that are the office's business (lights, reminders, supervision, extensions, returns between offices): a
    /// reporter following their case sees the milestones, not these.
    /// </summary>
    public static readonly IReadOnlySet<CaseAction> InternalSteps = new HashSet<CaseAction>
    {
        CaseAction.TurnYellow, CaseAction.TurnRed, CaseAction.RemindResponse, CaseAction.FlagSupervision,
        CaseAction.SendSupervisionNotice, CaseAction.RequestExtension, CaseAction.GrantExtension, CaseAction.RefuseExtension,
        CaseAction.Return, CaseAction.Relocate, CaseAction.AbsorbMerged,
    };

    /// <summary>
    /// The steps whose comment is written to the reporter (why not accepted, what was done, why reopened). Other
    /// comments are notes between offices and units — a dispatcher's instructions, a verifier's remarks — and may name
    /// third parties: a reporter sees those steps without them. Staff (<c>cases.view</c>) see everything.
    /// </summary>
    static readonly HashSet<CaseAction> CommentsForTheReporter =
    [
        CaseAction.Reject, CaseAction.ReportHandled, CaseAction.CloseOnTheSpot, CaseAction.Close, CaseAction.Rate,
        CaseAction.Reopen, CaseAction.MergeInto,
    ];

    static async Task<Detail> ComposeAsync(CivicGridDbContext db, Case c, CatalogItem? item, List<CaseTransition> history,
        List<CaseAttachment> files, CurrentUser user, CaseDetailParts parts, bool made, CancellationToken ct)
    {
        item ??= await parts.Catalog.FindAsync(db, c.ItemCode, ct)
            ?? throw new InvalidOperationException($"Case {c.Id} names catalog item {c.ItemCode}, which does not exist.");
        var names = await parts.Names.OfAsync([c.AreaCode, c.AreaCode[..12], c.AreaCode[..9] + "000"], ct);
        var office = user.Can(Identity.Domain.Permissions.Cases.View);
        var summary = new Summary(c.Id, c.Number, c.Status, c.Status.ToChinese(), c.Source, c.ItemCode, item.Name, c.Description,
            c.Address, c.AreaCode, c.Level, c.Priority, c.ReportedAt, c.HandlingDue, c.Light, c.Supervised, c.Whistled,
            c.ReturnCount, c.ReopenCount, c.Version);
        HistoryEntry Entry(CaseTransition t)
        {
            var said = office || CommentsForTheReporter.Contains(t.Action); // the reporter reads only what is written to them
            return new HistoryEntry(t.Seq, t.At, t.ActorName, t.Action, t.From, t.To, said ? t.Comment : null, said ? t.Note : null,
                said ? t.NoteArguments : null, t.UnitName, t.UnitRole,
                files.Where(f => f.TransitionSeq == t.Seq)
                    .Select(f => new AttachmentView(f.Id, f.FileName, f.ContentType, f.Size, $"/api/cases/{c.Id}/attachments/{f.Id}")).ToList());
        }
        return new Detail(summary, c.Longitude, c.Latitude, c.ReporterName, c.ReporterPhoneMasked, c.OnTheSpot, c.EscalationCount,
            c.PendingExtensionDays, c.PendingExtensionReason, c.Solved, c.Rating, c.RatingComment, c.MergedIntoId,
            c.Assignments.OrderBy(a => a.AssignedAt).ThenBy(a => a.Role)
                .Select(a => new AssignmentView(a.UnitId, a.UnitName, a.Role, a.AssignedAt, a.ResponseDue, a.SignedAt, a.Active)).ToList(),
            history.Where(t => office || !InternalSteps.Contains(t.Action)).OrderBy(t => t.Seq).Select(Entry).ToList(),
            names[0], names[1], names[2], CaseMoves.OpenTo(c, user).Order().ToList(),
            made ? null : await parts.Origins.FindAsync(db, c.Id, user, ct));
    }
}
