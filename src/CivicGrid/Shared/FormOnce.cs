using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Shared;

/// <summary>One plain form, sent by one account: recorded with what the form made, so it is made once (<see cref="FormOnce"/>).</summary>
public sealed class FormSubmission
{
    public Guid AccountId { get; set; }
    public Guid FormId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// The phone's plain forms that create something (a wish, a need, a resource) work without script (ADR 10), so nothing
/// stops a second tap on a slow network. Each such form carries a one-time id (<see cref="Field"/>, rendered with the
/// page); the id is saved in the same transaction as the record it made, and a form sent again finds it and is answered
/// as done. Moves of a case need none: they carry the case's version.
/// </summary>
public static class FormOnce
{
    public const string Field = "formId";

    /// <summary>How long a sent form's id is kept: a page left open for longer and sent again makes its record again.</summary>
    public static readonly TimeSpan Keep = TimeSpan.FromDays(7);

    /// <summary>
    /// True when this account sent this form before (answer "done" again, make nothing). Otherwise the id is added to
    /// <paramref name="db"/>, to be saved with the record the form makes. A form without an id (a page older than this)
    /// is taken as it always was.
    /// </summary>
    public static async Task<bool> SentBeforeAsync(CivicGridDbContext db, CurrentUser user, Guid? formId, DateTimeOffset now, CancellationToken ct)
    {
        if (formId is not { } id || user.Id is not { } me) return false;
        if (await db.FormSubmissions.AnyAsync(f => f.AccountId == me && f.FormId == id, ct)) return true;
        // What this account sent longer ago than a second tap can come goes (the table stays at a week per account).
        var before = now - Keep;
        await db.FormSubmissions.Where(f => f.AccountId == me && f.At < before).ExecuteDeleteAsync(ct);
        db.FormSubmissions.Add(new FormSubmission { AccountId = me, FormId = id, At = now });
        return false;
    }

    /// <summary>After a save failed: whether it failed because the same form was saved meanwhile (two taps at once).</summary>
    public static async Task<bool> SavedMeanwhileAsync(CivicGridDbContext db, CurrentUser user, Guid? formId, CancellationToken ct)
    {
        if (formId is not { } id || user.Id is not { } me) return false;
        db.ChangeTracker.Clear();
        return await db.FormSubmissions.AnyAsync(f => f.AccountId == me && f.FormId == id, ct);
    }
}

sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> e) => e.HasKey(f => new { f.AccountId, f.FormId });
}
