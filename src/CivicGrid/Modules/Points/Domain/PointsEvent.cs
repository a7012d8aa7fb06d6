using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Domain;

/// <summary>
/// Something that may earn points (DOMAIN.md §5), raised by the module where it happened — an activity checked out, a
/// micro-wish confirmed, a case rated satisfied, a meeting attended — in the same transaction as the fact itself. It is
/// the points outbox: the points module turns each event into ledger entries by its community's earning rules, exactly
/// once. The key (Kind, SourceId, AccountId) is unique, so an event delivered twice is still one event.
/// </summary>
public sealed class PointsEvent
{
    public Guid Id { get; set; }
    /// <summary>One of <see cref="PointsEventKinds"/>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The thing that happened: the activity sign-up, the wish, the case, the meeting.</summary>
    public Guid SourceId { get; set; }
    /// <summary>Who earns.</summary>
    public Guid AccountId { get; set; }
    /// <summary>The community whose rules apply (12-digit area code).</summary>
    public string AreaCode { get; set; } = "";
    /// <summary>How much happened, in whole units the rules count: minutes of service for an activity (hours are
    /// minutes / 60, so no decimals reach SQLite), 1 for a wish, a case or a meeting.</summary>
    public int Quantity { get; set; }
    /// <summary>Shown in the ledger next to the entry, e.g. the activity's title.</summary>
    public string Title { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    /// <summary>For a correction (<see cref="PointsEventKinds.VolunteerHoursCorrected"/>): the source of the event it
    /// corrects (the sign-up whose minutes changed), so the projection can find what that source already earned.</summary>
    public Guid? Corrects { get; set; }
    /// <summary>Set once the points module has turned the event into ledger entries.</summary>
    public bool Processed { get; set; }
}

/// <summary>The kinds of <see cref="PointsEvent"/>; the earning rules are keyed by these.</summary>
public static class PointsEventKinds
{
    public const string VolunteerHours = "activity.hours";     // 志愿服务时长 (quantity = minutes)
    public const string WishFulfilled = "wish.fulfilled";      // 微心愿完成 (for the one who fulfilled it)
    public const string CaseSatisfied = "case.satisfied";      // 有效上报，居民评价满意
    public const string MeetingAttended = "meeting.attended";  // 参加议事、联席会议
    /// <summary>工时更正: staff changed a sign-up's minutes; quantity = new − old minutes (negative when fewer). Earned by
    /// the <see cref="VolunteerHours"/> rule, so it has no rule of its own.</summary>
    public const string VolunteerHoursCorrected = "activity.hours.corrected";

    /// <summary>The kinds a community sets rules for.</summary>
    public static readonly IReadOnlyList<string> All = [VolunteerHours, WishFulfilled, CaseSatisfied, MeetingAttended];

    /// <summary>The rule an event kind is credited by: a correction of hours by the hours rule.</summary>
    public static string RuleOf(string kind) => kind == VolunteerHoursCorrected ? VolunteerHours : kind;

    /// <summary>The source kinds that count towards one rule's caps.</summary>
    public static string[] CountedBy(string ruleKind) => ruleKind == VolunteerHours ? [VolunteerHours, VolunteerHoursCorrected] : [ruleKind];
}

/// <summary>How other modules raise a <see cref="PointsEvent"/>: inside their own unit of work, before their SaveChanges.</summary>
public static class PointsEvents
{
    /// <summary>
    /// Adds the event unless one with the same key is already stored or pending in this context; returns whether it
    /// added. A concurrent duplicate still fails on the unique key, so the later transaction is refused, never doubled.
    /// </summary>
    public static async Task<bool> RaiseAsync(CivicGridDbContext db, string kind, Guid sourceId, Guid accountId,
        string areaCode, int quantity, string title, DateTimeOffset at, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries<PointsEvent>()
            .Any(e => e.Entity.Kind == kind && e.Entity.SourceId == sourceId && e.Entity.AccountId == accountId);
        if (pending || await db.Set<PointsEvent>().AnyAsync(
                e => e.Kind == kind && e.SourceId == sourceId && e.AccountId == accountId, ct))
            return false;
        db.Add(new PointsEvent
        {
            Id = Guid.CreateVersion7(), Kind = kind, SourceId = sourceId, AccountId = accountId, AreaCode = areaCode,
            Quantity = quantity, Title = title, OccurredAt = at,
        });
        return true;
    }

    /// <summary>
    /// Raises a correction of an earlier event's quantity (additive to <see cref="RaiseAsync"/>): <paramref name="sourceId"/>
    /// is the correction itself (one event per correction), <paramref name="corrects"/> the source it corrects, and
    /// <paramref name="delta"/> the signed change. The points module credits or takes back the difference, once.
    /// </summary>
    public static async Task<bool> RaiseCorrectionAsync(CivicGridDbContext db, string kind, Guid sourceId, Guid corrects,
        Guid accountId, string areaCode, int delta, string title, DateTimeOffset at, CancellationToken ct)
    {
        if (!await RaiseAsync(db, kind, sourceId, accountId, areaCode, delta, title, at, ct)) return false;
        db.ChangeTracker.Entries<PointsEvent>().Single(e => e.Entity.Kind == kind && e.Entity.SourceId == sourceId
                                                            && e.Entity.AccountId == accountId).Entity.Corrects = corrects;
        return true;
    }
}
