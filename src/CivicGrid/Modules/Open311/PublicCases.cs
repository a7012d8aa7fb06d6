using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Modules.Open311;

/// <summary>
/// What the anonymous Open311 feed may show of cases, and how our states read there. The feed is public, so it reads
/// outside any caller's scope (the <c>DataScope</c> filter is switched off by name here, nowhere else in this module) and
/// shows no one: never the reporter's name or phone, never a free-text comment, only fixed phrases per state or action.
/// </summary>
public static class PublicCases
{
    /// <summary>
    /// Channels whose cases are published: what residents reported themselves (app, mobile pages, Open311) and what grid
    /// workers found on patrol in public space. Cases a person told an official (hotline, phone, walk-in, secretary line,
    /// home visit) are not: they were not given to be published, and often concern one household.
    /// </summary>
    public static readonly CaseSource[] Sources = [CaseSource.Resident, CaseSource.Open311, CaseSource.Patrol];

    /// <summary>States left out of date-window lists: rejected reports (never vetted) and duplicates (the case they joined is listed).</summary>
    public static readonly CaseStatus[] Unlisted = [CaseStatus.Rejected, CaseStatus.Merged];

    public static IQueryable<Case> Query(CivicGridDbContext db) =>
        db.Cases.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking().Where(c => Sources.Contains(c.Source));

    /// <summary>Open311 has two states: Rejected, Closed, Rated and Merged are closed, everything else is open.</summary>
    public static string StatusOf(CaseStatus s) => s.IsOpen() ? "open" : "closed";

    public static string NotesOf(CaseStatus s, IStringLocalizer<Ui> l) => l[$"Open311.Status.{s}"];

    /// <summary>
    /// A history entry as a FixMyStreet request update: its extended status and the phrase key, or null for entries the
    /// public does not see (deadline lights, reminders, supervision, extensions, ratings, a cooperating unit's moves).
    /// </summary>
    public static (string Status, string Phrase)? UpdateOf(CaseAction action, bool? solved) => action switch
    {
        CaseAction.Report => ("OPEN", "Report"),
        CaseAction.CloseOnTheSpot => ("FIXED", "CloseOnTheSpot"),
        CaseAction.Accept => ("INVESTIGATING", "Accept"),
        CaseAction.Reject => ("NOT_COUNCILS_RESPONSIBILITY", "Reject"),
        CaseAction.Dispatch or CaseAction.Whistle => ("ACTION_SCHEDULED", "Dispatch"),
        CaseAction.SignFor => ("ACTION_SCHEDULED", "SignFor"),
        CaseAction.StartHandling => ("IN_PROGRESS", "StartHandling"),
        CaseAction.ReportHandled => ("FIXED", "ReportHandled"),
        CaseAction.Verify => ("FIXED", "Verify"),
        CaseAction.FailVerification => ("IN_PROGRESS", "FailVerification"),
        CaseAction.Close => solved == false ? ("CLOSED", "CloseUnsolved") : ("FIXED", "CloseSolved"),
        CaseAction.Reopen => ("REOPEN", "Reopen"),
        CaseAction.Return => ("INTERNAL_REFERRAL", "Return"),
        CaseAction.Escalate => ("INTERNAL_REFERRAL", "Escalate"),
        CaseAction.MergeInto => ("DUPLICATE", "MergeInto"),
        _ => null,
    };

    /// <summary>The actions <see cref="UpdateOf"/> publishes, for the query.</summary>
    public static readonly CaseAction[] PublishedActions = Enum.GetValues<CaseAction>().Where(a => UpdateOf(a, null) is not null).ToArray();
}
