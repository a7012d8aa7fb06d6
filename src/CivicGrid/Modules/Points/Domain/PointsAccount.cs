namespace CivicGrid.Modules.Points.Domain;

/// <summary>
/// A person's points account (积分账户): residents, volunteers, party members, building leaders, keyed by their sign-in
/// account id. The balance is the sum of the account's <see cref="PointsEntry"/> rows; <see cref="Balance"/> caches it
/// and is only ever changed by <see cref="PointsLedger"/>, in SQL, in the transaction that inserts the entry (README.md).
/// </summary>
public sealed class PointsAccount
{
    /// <summary>The Identity account id of the holder.</summary>
    public Guid Id { get; set; }
    /// <summary>Where the holder lives: their household's grid when they are a known resident, else the community where
    /// they first earned. Leaderboards rank by it; community staff see the accounts of their area.</summary>
    public string AreaCode { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>The cached sum of the entries; a CHECK constraint keeps it at zero or above.</summary>
    public int Balance { get; set; }
    /// <summary>The expiry sweep's mark: earnings that expired at or before it are settled (their Expiry entries written).
    /// Null: never swept.</summary>
    public DateTimeOffset? ExpirySweptTo { get; set; }
}
