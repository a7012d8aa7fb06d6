using System.Security.Cryptography;

namespace CivicGrid.Modules.Points.Domain;

public enum RedemptionCategory
{
    PropertyFee = 1,  // 物业费抵扣
    Canteen = 2,      // 长者食堂
    PartnerShop = 3,  // 合作商户
}

/// <summary>
/// Something points can be spent on (积分兑换目录), in one community's catalog, honoured by one unit (the merchant: a
/// partner shop, the canteen, the property company). Stock is only taken or returned in SQL with a guard
/// (<c>Stock &gt;= 1</c>), never written from a read, so it cannot go negative.
/// </summary>
public sealed class RedemptionItem : Shared.IVersioned
{
    public Guid Id { get; set; }
    public string AreaCode { get; set; } = "";
    public RedemptionCategory Category { get; set; }
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public int Price { get; set; }
    public int Stock { get; set; }
    /// <summary>The Organisation that honours the code (合作商户).</summary>
    public Guid MerchantId { get; set; }
    public bool Active { get; set; } = true;
    public int Version { get; set; }
}

public enum RedemptionStatus
{
    Issued = 1,     // 待核销
    Redeemed = 2,   // 已核销
    Cancelled = 3,  // 已取消（已退还积分）
}

/// <summary>A redemption (兑换记录): points spent on an item, and the one-time code (兑换码) the merchant redeems.</summary>
public sealed class Redemption : Shared.IVersioned
{
    public Guid Id { get; set; }
    public Guid ItemId { get; set; }
    public string ItemName { get; set; } = "";
    public Guid AccountId { get; set; }
    /// <summary>The community whose catalog it came from.</summary>
    public string AreaCode { get; set; } = "";
    public Guid MerchantId { get; set; }
    public int Price { get; set; }
    public string Code { get; set; } = "";
    public RedemptionStatus Status { get; set; }
    public Guid SpendEntryId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }
    public Guid? RedeemedBy { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public int Version { get; set; }

    // No 0/O, 1/I/L: the code is read aloud and typed at a shop counter.
    const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>Ten random characters (~49 bits): unguessable at a counter; unique in the table.</summary>
    public static string NewCode() => new(Enumerable.Range(0, 10).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]).ToArray());

    public static string Normalize(string code) => code.Trim().Replace("-", "").Replace(" ", "").ToUpperInvariant();
}
