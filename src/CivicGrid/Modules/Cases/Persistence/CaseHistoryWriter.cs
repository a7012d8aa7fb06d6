using CivicGrid.Modules.Cases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Modules.Cases.Persistence;

/// <summary>
/// Writes what a case's transitions produced — history entries, attachments, notices — in the same SaveChanges (one
/// transaction) as the case itself, so no use case can move a case and forget its history.
/// </summary>
sealed class CaseHistoryWriter : SaveChangesInterceptor
{
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

    static void Collect(DbContext? db)
    {
        if (db is null) return;
        foreach (var c in db.ChangeTracker.Entries<Case>().Select(e => e.Entity).ToList())
        {
            if (c.NewTransitions.Count == 0) continue;
            foreach (var t in c.NewTransitions)
            {
                db.Add(t);
                db.AddRange(CaseNotices.For(c, t));
            }
            db.AddRange(c.NewAttachments);
            c.NewTransitions.Clear();
            c.NewAttachments.Clear();
        }
    }
}
