using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CivicGrid.Persistence;

/// <summary>
/// A SaveChanges interceptor that takes a note of a context's changes just before they are written (and may add to
/// them), and acts on the note once the save has completed. A save that fails acts on nothing; the note of the next
/// save replaces it. Notes are kept per context, so one instance serves every context of the app, pooled ones too.
/// </summary>
public abstract class BeforeAndAfterSave<TNote> : SaveChangesInterceptor where TNote : class
{
    readonly ConditionalWeakTable<DbContext, TNote> _notes = new();

    /// <summary>Before the save: what to act on after it, or null for nothing.</summary>
    protected abstract TNote? Before(DbContext db);

    /// <summary>After the save completed.</summary>
    protected abstract void After(TNote note);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData data, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Note(data.Context);
        return base.SavingChangesAsync(data, result, ct);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData data, InterceptionResult<int> result)
    {
        Note(data.Context);
        return base.SavingChanges(data, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData data, int result, CancellationToken ct = default)
    {
        Act(data.Context);
        return base.SavedChangesAsync(data, result, ct);
    }

    public override int SavedChanges(SaveChangesCompletedEventData data, int result)
    {
        Act(data.Context);
        return base.SavedChanges(data, result);
    }

    void Note(DbContext? db)
    {
        if (db is null) return;
        if (Before(db) is { } note) _notes.AddOrUpdate(db, note);
        else _notes.Remove(db);
    }

    void Act(DbContext? db)
    {
        if (db is null || !_notes.TryGetValue(db, out var note)) return;
        _notes.Remove(db);
        After(note);
    }
}
