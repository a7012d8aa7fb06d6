using CivicGrid.Shared;

namespace CivicGrid.Modules.Volunteering.Domain;

public enum WishStatus { Open = 1, Claimed = 2, Fulfilled = 3, Confirmed = 4 }

/// <summary>
/// A micro-wish (微心愿, DOMAIN.md §4): a resident — often elderly or in need — posts a small wish, or community staff
/// post it for them; a volunteer or a unit claims it (认领), fulfils it with photo proof, and the resident (or staff for
/// them) confirms. <see cref="IScoped.AreaCode"/> is the resident's place. Open wishes are a public board; once claimed,
/// a wish is seen only by the community, the resident, and whoever claimed it.
/// </summary>
public sealed class MicroWish : IScoped, IVersioned
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public Guid? ResidentId { get; set; }
    public Guid PostedByAccountId { get; set; }
    /// <summary>The resident's own account, who confirms; null when staff posted for a resident without one.</summary>
    public Guid? ForAccountId { get; set; }
    public WishStatus Status { get; set; } = WishStatus.Open;
    public DateTimeOffset PostedAt { get; set; }
    public Guid? ClaimedByAccountId { get; set; }
    /// <summary>Set when the claimer acted for their unit (单位认领).</summary>
    public Guid? ClaimedByUnitId { get; set; }
    public string? ClaimedByName { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? FulfilmentNote { get; set; }
    public DateTimeOffset? FulfilledAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
    public Guid? ConfirmedBy { get; set; }
    public int Version { get; set; }
    public List<WishPhoto> Photos { get; set; } = [];

    public string CommunityCode => AreaCode[..12];

    public Error? Claim(Guid accountId, Guid? unitId, string name, DateTimeOffset now)
    {
        if (Status != WishStatus.Open) return VolunteerErrors.WishTaken;
        (Status, ClaimedByAccountId, ClaimedByUnitId, ClaimedByName, ClaimedAt) = (WishStatus.Claimed, accountId, unitId, name, now);
        return null;
    }

    public Error? Fulfil(Guid accountId, string? note, IReadOnlyList<WishPhoto> photos, DateTimeOffset now)
    {
        if (Status != WishStatus.Claimed || ClaimedByAccountId != accountId) return VolunteerErrors.WishNotClaimed;
        if (photos.Count == 0) return VolunteerErrors.WishProofRequired;
        (Status, FulfilmentNote, FulfilledAt) = (WishStatus.Fulfilled, note?.Trim(), now);
        Photos.AddRange(photos);
        return null;
    }

    public Error? Confirm(Guid by, DateTimeOffset now)
    {
        if (Status != WishStatus.Fulfilled) return VolunteerErrors.WishNotFulfilled;
        (Status, ConfirmedAt, ConfirmedBy) = (WishStatus.Confirmed, now, by);
        return null;
    }
}

/// <summary>A photo proving a wish fulfilled, taken from the shared upload store.</summary>
public sealed class WishPhoto
{
    public Guid Id { get; set; }
    public Guid WishId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string StorageKey { get; set; } = "";
}
