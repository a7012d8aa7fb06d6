using CivicGrid.Shared;

namespace CivicGrid.Modules.Volunteering.Domain;

public enum VolunteerNoticeKind
{
    /// <summary>候补转正: a held place was given back and this volunteer, first on the waiting list, took it.</summary>
    Promoted = 1,
}

/// <summary>
/// A notice to one volunteer about their own sign-up (志愿消息), written in the same SaveChanges as what it reports.
/// Seen only by its account (own-only filter). <see cref="IScoped.AreaCode"/> is the activity's community, where it
/// happened. Case notices (Modules/Cases) are about a case and link to it, so they are not reused here.
/// </summary>
public sealed class VolunteerNotice : IScoped
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public string AreaCode { get; set; } = "";
    public VolunteerNoticeKind Kind { get; set; }
    public Guid ActivityId { get; set; }
    /// <summary>The activity's title and start when the notice was written, so the notice reads the same later.</summary>
    public string Title { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    /// <summary>The notice in Chinese, for the API (pages render it from Ui.resx in their language).</summary>
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    public static VolunteerNotice Promoted(VolunteerActivity activity, ActivitySignup promoted, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), AccountId = promoted.AccountId, AreaCode = activity.AreaCode, Kind = VolunteerNoticeKind.Promoted,
        ActivityId = activity.Id, Title = activity.Title, StartsAt = activity.StartsAt, At = now,
        Text = $"候补转正：您已获得活动“{activity.Title}”的名额（{activity.StartsAt.ToOffset(TimeSpan.FromHours(8)):M月d日 HH:mm}开始），请按时参加。",
    };
}
