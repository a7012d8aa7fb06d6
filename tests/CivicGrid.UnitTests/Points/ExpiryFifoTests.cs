using CivicGrid.Modules.Points.Domain;
using CivicGrid.Modules.Points.Jobs;

namespace CivicGrid.UnitTests.Points;

/// <summary>What is left of each earning (README.md rule 9): FIFO, reversal pairs cancel, an expiry takes its own.</summary>
public sealed class ExpiryFifoTests
{
    static readonly DateTimeOffset T0 = new(2026, 9, 1, 2, 0, 0, TimeSpan.Zero);

    static PointsEntry E(int day, PointsEntryKind kind, int amount, Guid? source = null, Guid? reverses = null) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, Amount = amount, At = T0.AddDays(day), SourceId = source ?? Guid.NewGuid(), ReversesId = reverses,
    };

    static List<int> Left(params PointsEntry[] entries) => ExpirySweep.Unspent(entries).Select(l => l.Left).ToList();

    [Fact]
    public void Spends_consume_the_oldest_earnings_first()
    {
        Assert.Equal([0, 15, 20], Left(E(0, PointsEntryKind.Earn, 10), E(1, PointsEntryKind.Earn, 20), E(2, PointsEntryKind.Spend, -15),
            E(3, PointsEntryKind.Earn, 20)));
    }

    [Fact]
    public void An_expiry_consumes_the_earning_it_names_and_later_spends_come_from_the_next()
    {
        var first = E(0, PointsEntryKind.Earn, 30);
        Assert.Equal([0, 3], Left(first, E(1, PointsEntryKind.Spend, -10), E(40, PointsEntryKind.Earn, 8),
            E(41, PointsEntryKind.Expiry, -20, source: first.Id), E(42, PointsEntryKind.Spend, -5)));
    }

    [Fact]
    public void A_cancelled_spend_and_a_reversed_earn_count_as_never_made()
    {
        var spend = E(1, PointsEntryKind.Spend, -15);
        var earn = E(2, PointsEntryKind.Earn, 7);
        Assert.Equal([20], Left(E(0, PointsEntryKind.Earn, 20), spend, E(2, PointsEntryKind.Reversal, 15, reverses: spend.Id),
            earn, E(3, PointsEntryKind.Reversal, -7, reverses: earn.Id)));
    }

    [Fact]
    public void A_debit_dated_before_its_earning_is_paid_by_the_next_earnings_and_the_lots_sum_to_the_balance()
    {
        var entries = new[] { E(0, PointsEntryKind.Adjustment, -4), E(1, PointsEntryKind.Earn, 10), E(2, PointsEntryKind.Earn, 5) };
        Assert.Equal([6, 5], Left(entries));
        Assert.Equal(entries.Sum(e => e.Amount), Left(entries).Sum());
    }
}
