using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Points.Domain;

/// <summary>
/// The only code that moves a balance (README.md "ledger rules"). Every call runs inside the caller's open transaction
/// and pairs one entry with one atomic change of <see cref="PointsAccount.Balance"/> in SQL, so the cache commits or
/// rolls back with the entry and cannot drift. A debit is a conditional UPDATE (<c>WHERE Balance &gt;= n</c>): on
/// PostgreSQL the row lock makes a concurrent debit wait and re-check the balance after the first commits; on SQLite
/// writers are serialised. Either way two debits can never both pass against points only one of them can have.
/// </summary>
public static class PointsLedger
{
    /// <summary>Creates the account if missing (INSERT … ON CONFLICT DO NOTHING, the same on both engines).</summary>
    public static Task EnsureAccountAsync(CivicGridDbContext db, Guid accountId, string areaCode, string displayName, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "PointsAccounts" ("Id", "AreaCode", "DisplayName", "Balance") VALUES ({accountId}, {areaCode}, {displayName}, 0)
            ON CONFLICT ("Id") DO NOTHING
            """, ct);

    /// <summary>Takes the account's row lock before reading what it earned today (caps), so two projections cannot both
    /// pass a cap for the same person. A no-op on SQLite, where the transaction already holds the write lock.</summary>
    public static Task LockAccountAsync(CivicGridDbContext db, Guid accountId, CancellationToken ct) =>
        db.PointsAccounts.Where(a => a.Id == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance), ct);

    /// <summary>Adds the entry and applies its amount. A negative amount is refused (false, nothing written) when the
    /// balance does not cover it.</summary>
    public static async Task<bool> PostAsync(CivicGridDbContext db, PointsEntry entry, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Ledger postings need the request's transaction: the entry and the balance commit together.");
        var amount = entry.Amount;
        var changed = amount >= 0
            ? await db.PointsAccounts.Where(a => a.Id == entry.AccountId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance + amount), ct)
            : await db.PointsAccounts.Where(a => a.Id == entry.AccountId && a.Balance >= -amount)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Balance, a => a.Balance + amount), ct);
        if (changed == 0) return false;
        db.PointsEntries.Add(entry);
        return true;
    }

    /// <summary>The reversal of <paramref name="original"/>: the opposite amount, naming it. Refused if it is itself a
    /// reversal, or (for an earn already spent) when the balance does not cover it.</summary>
    public static async Task<Result<PointsEntry>> ReverseAsync(CivicGridDbContext db, PointsEntry original, string reason,
        Guid? actor, DateTimeOffset now, CancellationToken ct)
    {
        if (original.Kind == PointsEntryKind.Reversal) return PointsErrors.NotReversible;
        if (await db.PointsEntries.IgnoreQueryFilters().AnyAsync(e => e.ReversesId == original.Id, ct)) return PointsErrors.AlreadyReversed;
        var reversal = new PointsEntry
        {
            Id = Guid.CreateVersion7(), AccountId = original.AccountId, AreaCode = original.AreaCode, Kind = PointsEntryKind.Reversal,
            Amount = -original.Amount, SourceKind = original.SourceKind, SourceId = original.SourceId, Title = original.Title,
            ReversesId = original.Id, Reason = reason, ActorId = actor, At = now,
        };
        return await PostAsync(db, reversal, ct) ? reversal : PointsErrors.Insufficient;
    }
}
