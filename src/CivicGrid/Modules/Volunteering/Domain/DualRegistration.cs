using CivicGrid.Shared;

namespace CivicGrid.Modules.Volunteering.Domain;

public enum RegistrationKind { Unit = 1, Member = 2 }

public enum RegistrationStatus { Pending = 1, Confirmed = 2 }

/// <summary>
/// Dual registration (双报到, DOMAIN.md §4): a unit registers with the community it is paired with, or an in-service
/// party member (在职党员) registers with the community where they live. <see cref="IScoped.AreaCode"/> is that community:
/// its staff see and confirm the registration; <see cref="UnitId"/> (the unit itself, or the member's employer) lets the
/// unit see it; <see cref="AccountId"/> is the account that registered (the member's own).
/// </summary>
public sealed class DualRegistration : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public RegistrationKind Kind { get; set; }
    public string AreaCode { get; set; } = "";
    public Guid? UnitId { get; set; }
    public Guid? PartyMemberId { get; set; }
    public Guid AccountId { get; set; }
    /// <summary>The unit's or the member's name as registered, for lists (no other personal data is kept here).</summary>
    public string Name { get; set; } = "";
    public RegistrationStatus Status { get; set; } = RegistrationStatus.Pending;
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public Guid? ConfirmedBy { get; set; }
    public int Version { get; set; }

    public Error? Confirm(Guid by, DateTimeOffset now)
    {
        if (Status != RegistrationStatus.Pending) return VolunteerErrors.RegistrationNotPending;
        (Status, ConfirmedAt, ConfirmedBy) = (RegistrationStatus.Confirmed, now, by);
        return null;
    }
}
