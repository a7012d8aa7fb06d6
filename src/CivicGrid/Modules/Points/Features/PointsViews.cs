using CivicGrid.Modules.Points.Domain;

namespace CivicGrid.Modules.Points.Features;

/// <summary>What the points routes and pages show: never entities.</summary>
public static class PointsViews
{
    public sealed record Entry(Guid Id, Guid AccountId, string AreaCode, PointsEntryKind Kind, int Amount, int? Uncapped,
        string? CappedBy, string SourceKind, Guid SourceId, string Title, Guid? ReversesId, string? Reason, DateTimeOffset At,
        bool Reversed);

    /// <summary>Earned − Spent − Expired = Balance (README rule 3): each entry counts in exactly one of the three.</summary>
    public sealed record Account(Guid AccountId, string DisplayName, string AreaCode, int Balance, int Earned, int Spent, int Expired);

    public sealed record Item(Guid Id, string AreaCode, RedemptionCategory Category, string Name, string Description, int Price,
        int Stock, Guid MerchantId, string MerchantName, bool Active, int Version);

    public sealed record Redemption(Guid Id, Guid ItemId, string ItemName, Guid AccountId, string AreaCode, Guid MerchantId,
        int Price, string Code, RedemptionStatus Status, DateTimeOffset IssuedAt, DateTimeOffset? RedeemedAt, DateTimeOffset? CancelledAt);

    public sealed record Rule(string Kind, int PointsPerUnit, int? CapPerDay, int? CapPerMonth, bool IsDefault, int Version, int? ExpiryMonths = null);

    public static IQueryable<Entry> Entries(IQueryable<PointsEntry> query, IQueryable<PointsEntry> all) =>
        query.Select(e => new Entry(e.Id, e.AccountId, e.AreaCode, e.Kind, e.Amount, e.Uncapped, e.CappedBy, e.SourceKind,
            e.SourceId, e.Title, e.ReversesId, e.Reason, e.At, all.Any(r => r.ReversesId == e.Id)));

    public static IQueryable<Redemption> Redemptions(IQueryable<Domain.Redemption> query) =>
        query.Select(r => new Redemption(r.Id, r.ItemId, r.ItemName, r.AccountId, r.AreaCode, r.MerchantId, r.Price, r.Code,
            r.Status, r.IssuedAt, r.RedeemedAt, r.CancelledAt));

    /// <summary>The code as shown: two groups of five, easier to read out at a counter.</summary>
    public static string Show(string code) => code.Length == 10 ? $"{code[..5]}-{code[5..]}" : code;
}
