using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Live;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Modules.Cases.Persistence;

/// <summary>
/// Writes what a case's transitions produced — history entries, attachments, notices — in the same SaveChanges (one
/// transaction) as the case itself, so no use case can move a case and forget its history; once committed, tells the
/// <see cref="CaseFeed"/> (absent at design time).
/// </summary>
sealed class CaseHistoryWriter(CaseFeed? feed = null) : BeforeAndAfterSave<List<CaseChange>>
{
    protected override List<CaseChange>? Before(DbContext db)
    {
        RefuseRewrites(db);
        var changes = new List<CaseChange>();
        foreach (var c in db.ChangeTracker.Entries<Case>().Select(e => e.Entity).ToList())
        {
            if (c.NewTransitions.Count == 0) continue;
            foreach (var t in c.NewTransitions)
            {
                db.Add(t);
                db.AddRange(CaseNotices.For(c, t));
            }
            db.AddRange(c.NewAttachments);
            changes.Add(new CaseChange(c.Id, c.Number, c.AreaCode, c.Assignments.Select(a => a.UnitId).Distinct().ToList(),
                c.ReporterAccountId, c.Status, c.NewTransitions[^1].Action, c.NewTransitions[^1].At));
            c.NewTransitions.Clear();
            c.NewAttachments.Clear();
        }
        return changes.Count > 0 ? changes : null;
    }

    /// <summary>
    /// History is append-only: a tracked entry may be added, and its <see cref="CaseTransition.Projected"/> mark set by
    /// the figures projection, but never changed otherwise or deleted. A bug that tries fails its whole save.
    /// </summary>
    static void RefuseRewrites(DbContext db)
    {
        foreach (var e in db.ChangeTracker.Entries<CaseTransition>())
            if (e.State == EntityState.Deleted
                || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(CaseTransition.Projected))))
                throw new InvalidOperationException($"Case history is append-only: entry {e.Entity.Id} of case {e.Entity.CaseId} would be {e.State.ToString().ToLowerInvariant()}.");
    }

    /// <summary>
    /// Two moves of one case that read the same version both append the entry with the next <see cref="CaseTransition.Seq"/>;
    /// the save inserts that entry before it updates the case, so the loser meets the unique (case, seq) key before the
    /// version check. It is the same stale write, and is reported as one: a concurrency exception, a 409 to the caller.
    /// </summary>
    public override void SaveChangesFailed(DbContextErrorEventData data)
    {
        if (IsHistoryRace(data.Exception)) throw new DbUpdateConcurrencyException(RaceMessage, data.Exception);
        base.SaveChangesFailed(data);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData data, CancellationToken ct = default)
    {
        if (IsHistoryRace(data.Exception)) throw new DbUpdateConcurrencyException(RaceMessage, data.Exception);
        return base.SaveChangesFailedAsync(data, ct);
    }

    const string RaceMessage = "Another save appended to this case's history first.";

    static bool IsHistoryRace(Exception e) => e is DbUpdateException and not DbUpdateConcurrencyException && e.InnerException switch
    {
        Npgsql.PostgresException pg => pg.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation && pg.ConstraintName == "IX_CaseTransitions_CaseId_Seq",
        Microsoft.Data.Sqlite.SqliteException lite => lite.SqliteExtendedErrorCode == 2067 // SQLITE_CONSTRAINT_UNIQUE
            && lite.Message.Contains("CaseTransitions.CaseId, CaseTransitions.Seq", StringComparison.Ordinal),
        _ => false,
    };

    protected override void After(List<CaseChange> changes)
    {
        // Inside an explicit transaction (the sweep) the commit comes later; announcing slightly early only makes a page
        // refresh once more, never shows uncommitted data (pages read through their own context).
        feed?.Publish(changes);
    }
}
