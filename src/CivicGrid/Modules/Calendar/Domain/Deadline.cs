namespace CivicGrid.Modules.Calendar.Domain;

/// <summary>Green / yellow / red (绿灯 / 黄灯 / 红灯): how a case stands against its limit (DOMAIN.md §3).</summary>
public enum DeadlineStatus { Green, Yellow, Red }

/// <summary>
/// A time limit (时限) fixed in instants, built by <see cref="WorkingCalendar.DeadlineFor"/>. The working-time arithmetic
/// is done once, when the limit is set, so the status is a plain comparison a deadline sweep can also run in SQL.
/// </summary>
public sealed record Deadline(DateTimeOffset Start, DateTimeOffset YellowAt, DateTimeOffset Due)
{
    /// <summary>DOMAIN.md §3: yellow past 80% of the limit.</summary>
    public const double YellowShare = 0.8;

    /// <summary>Yellow once past <see cref="YellowAt"/>, red once past <see cref="Due"/> (overdue); at either instant itself, not yet.</summary>
    public DeadlineStatus StatusAt(DateTimeOffset now) =>
        now > Due ? DeadlineStatus.Red : now > YellowAt ? DeadlineStatus.Yellow : DeadlineStatus.Green;
}
