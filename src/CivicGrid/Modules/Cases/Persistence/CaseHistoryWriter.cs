using System.Runtime.CompilerServices;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Live;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Modules.Cases.Persistence;

/// <summary>
/// Writes what a case's transitions produced — history entries, attachments, notices — in the same SaveChanges (one
/// transaction) as the case itself, so no use case can move a case and forget its history; once committed, tells the
/// <see cref="CaseFeed"/> (absent at design time).
/// </summary>
sealed class CaseHistoryWriter(CaseFeed? feed = null) : SaveChangesInterceptor
{
    readonly ConditionalWeakTable<DbContext, List<CaseChange>> _pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData data, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Collect(data.Context);
        return base.SavingChangesAsync(data, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData data, InterceptionResult<int> result)
    {
        Collect(data.Context);
        return base.SavingChanges(data, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData data, int result, CancellationToken ct = default)
    {
        Announce(data.Context);
        return base.SavedChangesAsync(data, result, ct);
    }

    public override int SavedChanges(SaveChangesCompletedEventData data, int result)
    {
        Announce(data.Context);
        return base.SavedChanges(data, result);
    }

    void Collect(DbContext? db)
    {
        if (db is null) return;
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
        _pending.AddOrUpdate(db, changes);
    }

    void Announce(DbContext? db)
    {
        if (db is null || !_pending.TryGetValue(db, out var changes)) return;
        _pending.Remove(db);
        // Inside an explicit transaction (the sweep) the commit comes later; announcing slightly early only makes a page
        // refresh once more, never shows uncommitted data (pages read through their own context).
        if (changes.Count > 0) feed?.Publish(changes);
    }
}
