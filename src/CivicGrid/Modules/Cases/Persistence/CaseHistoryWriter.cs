using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Live;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

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

    protected override void After(List<CaseChange> changes)
    {
        // Inside an explicit transaction (the sweep) the commit comes later; announcing slightly early only makes a page
        // refresh once more, never shows uncommitted data (pages read through their own context).
        feed?.Publish(changes);
    }
}
