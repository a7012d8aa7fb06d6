using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Features;
using CivicGrid.Shared;
using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CivicGrid.Web.Components.Pages.Cases;

/// <summary>The closed loop's words in the page's language (Ui.resx), and how a case's state looks.</summary>
static class CaseText
{
    public static string Status(this IStringLocalizer<Ui> l, CaseStatus s) => l[$"CaseStatus.{s}"];
    public static string Source(this IStringLocalizer<Ui> l, CaseSource s) => l[$"CaseSource.{s}"];
    public static string Queue(this IStringLocalizer<Ui> l, BrowseCases.Queue q) => l[$"Queue.{q}"];
    public static string Action(this IStringLocalizer<Ui> l, CaseAction a) => l[$"CaseAction.{a}"];
    public static string Role(this IStringLocalizer<Ui> l, AssignmentRole r) => l[$"AssignmentRole.{r}"];
    public static string Rating(this IStringLocalizer<Ui> l, Satisfaction s) => l[$"Satisfaction.{s}"];

    /// <summary>A history entry's comment in the page's language where the platform wrote it; a person's words as written.</summary>
    public static string? Comment(this IStringLocalizer<Ui> l, CaseViews.HistoryEntry h) =>
        h.Note is { } note ? l[$"CaseNote.{note}", [.. h.NoteArguments ?? []]] : h.Comment;

    /// <summary>Who made a history entry: the platform's own steps are the system's, in the page's language.</summary>
    public static string Actor(this IStringLocalizer<Ui> l, CaseViews.HistoryEntry h) =>
        h.ActorName == Modules.Cases.Domain.Actor.System.Name ? l["Case.SystemActor"] : h.ActorName;

    /// <summary>A case notice in the page's language; a notice written before its message was recorded has only its Chinese text.</summary>
    public static string Notice(this IStringLocalizer<Ui> l, BrowseNotices.Notice n) =>
        n.Message is { } m ? l[$"CaseNotice.{m}", n.Argument ?? ""] : n.Text;

    /// <summary>
    /// A refusal in the page's language: Ui.resx's text for its stable code, else the domain's own Chinese message
    /// (e.g. the illegal-move message, which names the state the case is in).
    /// </summary>
    public static string Error(this IStringLocalizer<Ui> l, Error error)
    {
        var text = l[$"Error.{error.Code}"];
        return text.ResourceNotFound ? error.Message : text.Value;
    }

    public static Color StatusColor(CaseStatus s) => s switch
    {
        CaseStatus.Reported => Color.Warning,
        CaseStatus.Accepted => Color.Info,
        CaseStatus.Dispatched or CaseStatus.SignedFor or CaseStatus.Handling => Color.Primary,
        CaseStatus.Handled or CaseStatus.Verified => Color.Secondary,
        CaseStatus.Closed or CaseStatus.Rated => Color.Success,
        _ => Color.Default,
    };

    /// <summary>The light as it stands now (DOMAIN.md §3): the recorded one, or red once the due time has passed; none outside handling.</summary>
    public static DeadlineStatus? LightAt(CaseViews.Summary s, DateTimeOffset now) =>
        !CaseStatuses.WithHandlers.Contains(s.Status) || s.HandlingDue is not { } due ? null
        : now > due ? DeadlineStatus.Red : s.Light;
}
