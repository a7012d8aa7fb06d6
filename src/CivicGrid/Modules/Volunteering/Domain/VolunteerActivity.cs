using CivicGrid.Shared;

namespace CivicGrid.Modules.Volunteering.Domain;

/// <summary>
/// A volunteer activity (志愿活动, e.g. 红色星期六) published by a community: when, where (point and address), how many
/// places. Activities are a public notice board — any signed-in person may read them and sign up; who signed up, the
/// attendance and the check-in code belong to the community's staff (its <see cref="IScoped.AreaCode"/>).
/// </summary>
public sealed class VolunteerActivity : IScoped, IVersioned
{
    /// <summary>How early before the start a volunteer may check in, and how late after the end check-out still counts.</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromHours(1), CheckOutClosesAfter = TimeSpan.FromHours(2);

    public Guid Id { get; set; }
    /// <summary>The organising community (12 digits).</summary>
    public string AreaCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Address { get; set; } = "";
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    public int Places { get; set; }
    /// <summary>Sign-ups holding a place. Kept on the row (not counted) so two sign-ups for the last place conflict on
    /// <see cref="Version"/> instead of both getting it.</summary>
    public int Taken { get; set; }
    /// <summary>Sign-ups ever made, numbering each one's <see cref="ActivitySignup.Turn"/>: the waiting list is served in
    /// that order, which stays exact when two sign-ups share a timestamp.</summary>
    public int Turns { get; set; }
    public Guid CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Version { get; set; }
    public List<ActivitySignup> Signups { get; set; } = [];

    /// <summary>Signs the account up: a place while there is one, otherwise the waiting list (候补). A cancelled sign-up
    /// signs up again at the back of the queue. Open until the end: people join a Red Saturday already under way.</summary>
    public Result<ActivitySignup> SignUp(Guid accountId, string name, Guid? employerId, DateTimeOffset now)
    {
        if (now >= EndsAt) return VolunteerErrors.SignUpClosed;
        var signup = Signups.SingleOrDefault(s => s.AccountId == accountId);
        if (signup is { Status: not SignupStatus.Cancelled }) return VolunteerErrors.AlreadySignedUp;
        if (signup is null)
        {
            signup = new ActivitySignup { Id = Guid.CreateVersion7(now), ActivityId = Id, AccountId = accountId, AreaCode = AreaCode };
            Signups.Add(signup);
        }
        (signup.Name, signup.EmployerId, signup.SignedUpAt, signup.PromotedAt, signup.Turn) = (name, employerId, now, null, ++Turns);
        signup.Status = Taken < Places ? SignupStatus.Confirmed : SignupStatus.Waiting;
        if (signup.Status == SignupStatus.Confirmed) Taken++;
        return signup;
    }

    /// <summary>Gives the place back; the first on the waiting list (earliest sign-up) takes it. Returns who was promoted.</summary>
    public Result<ActivitySignup?> Cancel(ActivitySignup signup, DateTimeOffset now)
    {
        if (signup.Status == SignupStatus.Cancelled) return VolunteerErrors.NotSignedUp;
        if (signup.CheckedInAt is not null) return VolunteerErrors.AlreadyCheckedIn;
        var heldPlace = signup.Status == SignupStatus.Confirmed;
        signup.Status = SignupStatus.Cancelled;
        if (!heldPlace) return Result<ActivitySignup?>.Ok(null);
        Taken--;
        var next = Signups.Where(s => s.Status == SignupStatus.Waiting).OrderBy(s => s.Turn).FirstOrDefault();
        if (next is not null && now < EndsAt)
        {
            (next.Status, next.PromotedAt) = (SignupStatus.Confirmed, now);
            Taken++;
        }
        return Result<ActivitySignup?>.Ok(next);
    }

    public Error? CheckIn(ActivitySignup signup, DateTimeOffset now)
    {
        if (signup.Status != SignupStatus.Confirmed) return VolunteerErrors.NotSignedUp;
        if (signup.CheckedInAt is not null) return VolunteerErrors.AlreadyCheckedIn;
        if (now < StartsAt - CheckInOpensBefore || now > EndsAt) return VolunteerErrors.OutsideTime;
        signup.CheckedInAt = now;
        return null;
    }

    /// <summary>Checks out and computes the minutes served (see <see cref="ServedMinutes"/>).</summary>
    public Error? CheckOut(ActivitySignup signup, DateTimeOffset now)
    {
        if (signup.Status != SignupStatus.Confirmed) return VolunteerErrors.NotSignedUp;
        if (signup.CheckedInAt is not { } checkedIn) return VolunteerErrors.NotCheckedIn;
        if (signup.CheckedOutAt is not null) return VolunteerErrors.AlreadyCheckedOut;
        if (now > EndsAt + CheckOutClosesAfter) return VolunteerErrors.OutsideTime;
        signup.CheckedOutAt = now;
        signup.Minutes = ServedMinutes(checkedIn, now);
        return null;
    }

    /// <summary>
    /// Hours served = check-out − check-in, clamped to the activity's own time: arriving early or leaving late does not
    /// add time beyond what was published, so a volunteer cannot earn hours by scanning in early and out late.
    /// Whole minutes, rounded down; never negative.
    /// </summary>
    public int ServedMinutes(DateTimeOffset checkedIn, DateTimeOffset checkedOut)
    {
        var from = checkedIn > StartsAt ? checkedIn : StartsAt;
        var to = checkedOut < EndsAt ? checkedOut : EndsAt;
        return to <= from ? 0 : (int)Math.Floor((to - from).TotalMinutes);
    }
}

public enum SignupStatus { Confirmed = 1, Waiting = 2, Cancelled = 3 }

/// <summary>One volunteer's sign-up (报名) for an activity, with their attendance and the minutes it gave.</summary>
public sealed class ActivitySignup : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public Guid ActivityId { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>The activity's community: its staff see the sign-up.</summary>
    public string AreaCode { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The volunteer's employer when they are a registered in-service member: the unit sees its members' hours.</summary>
    public Guid? EmployerId { get; set; }
    public SignupStatus Status { get; set; }
    public DateTimeOffset SignedUpAt { get; set; }
    /// <summary>Place in the order of sign-ups (the waiting list is served by it).</summary>
    public int Turn { get; set; }
    /// <summary>When a place freed by a cancellation went to this sign-up from the waiting list.</summary>
    public DateTimeOffset? PromotedAt { get; set; }
    public DateTimeOffset? CheckedInAt { get; set; }
    public DateTimeOffset? CheckedOutAt { get; set; }
    /// <summary>Minutes served: computed at check-out, or set by a staff correction.</summary>
    public int? Minutes { get; set; }
    public int Version { get; set; }
    public List<HoursCorrection> Corrections { get; set; } = [];

    /// <summary>Staff correct the minutes (a forgotten check-out, a wrong scan); the correction is kept, old and new.</summary>
    public Result<HoursCorrection> Correct(int minutes, string? reason, Guid by, string byName, DateTimeOffset now)
    {
        if (minutes is < 0 or > 24 * 60 || string.IsNullOrWhiteSpace(reason)) return VolunteerErrors.CorrectionInvalid;
        if (Status != SignupStatus.Confirmed) return VolunteerErrors.NotSignedUp;
        var correction = new HoursCorrection
        {
            Id = Guid.CreateVersion7(now), SignupId = Id, ByAccountId = by, ByName = byName, At = now,
            OldMinutes = Minutes, NewMinutes = minutes, Reason = reason.Trim(),
        };
        Corrections.Add(correction);
        Minutes = minutes;
        return correction;
    }
}

/// <summary>A staff correction of served minutes (工时更正): who, when, old, new, why. Append-only.</summary>
public sealed class HoursCorrection
{
    public Guid Id { get; set; }
    public Guid SignupId { get; set; }
    public Guid ByAccountId { get; set; }
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public int? OldMinutes { get; set; }
    public int NewMinutes { get; set; }
    public string Reason { get; set; } = "";
}
