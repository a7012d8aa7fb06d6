using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// The phone's plain HTML forms on a case page (/m/cases/{id}): rating (评价) by the reporter, verification (核查)
/// on the ground with photos, and an assigned unit's work on the spot: sign for (签收/报到), start, report it handled
/// with photos (办结反馈), return (退单). They run the same <see cref="CaseMoves"/> as the REST routes and answer with a redirect
/// back to the page — with <c>?error=code</c> when refused, which the page shows from Ui.resx. No script is needed, and
/// a second tap finds the case already moved on (a stale version) and says so instead of acting twice.
/// </summary>
public static class CaseForms
{
    public static void Map(WebApplication app)
    {
        var forms = app.MapGroup("/m/cases/{id:guid}").ExcludeFromDescription();
        forms.MapPost("/rate", Rate).RequireAuthorization();
        forms.MapPost("/verify", Verify).RequireAuthorization(Permissions.Cases.Verify)
            .WithMetadata(new RequestSizeLimitAttribute(100L * 1024 * 1024));
        var handle = Permissions.Cases.Handle;
        forms.MapPost("/sign-for", (Guid id, [FromForm] int? version, MoveCase move, CancellationToken ct) =>
            Moved(id, version, CaseMoves.SignFor(), move, ct)).RequireAuthorization(handle);
        forms.MapPost("/start", (Guid id, [FromForm] int? version, MoveCase move, CancellationToken ct) =>
            Moved(id, version, CaseMoves.Start(null), move, ct)).RequireAuthorization(handle);
        forms.MapPost("/return", (Guid id, [FromForm] string? reason, [FromForm] int? version, MoveCase move, CancellationToken ct) =>
            Moved(id, version, CaseMoves.Return(Clean(reason)), move, ct)).RequireAuthorization(handle);
        forms.MapPost("/handled", Handled).RequireAuthorization(handle)
            .WithMetadata(new RequestSizeLimitAttribute(100L * 1024 * 1024));
    }

    static async Task<RedirectHttpResult> Moved(Guid id, int? version, CaseMove move, MoveCase moves, CancellationToken ct) =>
        Back(id, await moves.TryAsync(id, version, move, ct));

    static async Task<RedirectHttpResult> Handled(Guid id, [FromForm] string? comment, [FromForm] int? version,
        IFormFileCollection files, CivicGridDbContext db, CurrentUser user, IFileStore store, UploadLimits limits, MoveCase move,
        TimeProvider clock, CancellationToken ct)
    {
        var photos = await StorePhotosAsync(files, db, user, store, limits, clock, ct);
        if (photos.Error is { } refused) return Back(id, refused);
        return Back(id, await move.TryAsync(id, version, CaseMoves.ReportHandled(Clean(comment), photos.Ids), ct));
    }

    static async Task<RedirectHttpResult> Rate(Guid id, [FromForm] Satisfaction? rating, [FromForm] string? comment,
        [FromForm] int? version, MoveCase move, CancellationToken ct)
    {
        if (rating is not { } verdict) return Back(id, CaseErrors.RatingRequired);
        return Back(id, await move.TryAsync(id, version, CaseMoves.Rate(verdict, Clean(comment)), ct));
    }

    static async Task<RedirectHttpResult> Verify(Guid id, [FromForm] bool? passed, [FromForm] string? comment, [FromForm] int? version,
        IFormFileCollection files, CivicGridDbContext db, CurrentUser user, IFileStore store, UploadLimits limits, MoveCase move,
        TimeProvider clock, CancellationToken ct)
    {
        if (passed is not { } ok) return Back(id, CaseErrors.VerifyResultRequired);
        var photos = await StorePhotosAsync(files, db, user, store, limits, clock, ct);
        if (photos.Error is { } refused) return Back(id, refused);
        return Back(id, await move.TryAsync(id, version, CaseMoves.Verify(ok, Clean(comment), photos.Ids), ct));
    }

    /// <summary>
    /// The form's photos, stored first as the app's upload call would store them; the move then takes them like any
    /// photo ids. None chosen: no ids.
    /// </summary>
    static async Task<(Guid[]? Ids, Error? Error)> StorePhotosAsync(IFormFileCollection files, CivicGridDbContext db, CurrentUser user,
        IFileStore store, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        // A file input left empty still sends one nameless, empty part.
        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0)
            .Select(f => new UploadFiles.Incoming(f.FileName, f.Length, f.ContentType, f.OpenReadStream)).ToList();
        if (chosen.Count == 0) return (null, null);
        var stored = await UploadFiles.StoreAsync(chosen, db, user, store, limits, clock.GetUtcNow(), ct);
        return stored.Error is { } refused ? (null, refused) : (stored.Files.Select(f => f.Id).ToArray(), null);
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    static RedirectHttpResult Back(Guid id, Error error) => TypedResults.LocalRedirect($"/m/cases/{id}?error={Uri.EscapeDataString(error.Code)}");

    static RedirectHttpResult Back(Guid id, MoveCase.Outcome outcome) =>
        outcome.Error is { } error ? Back(id, error)
        : outcome.NotFound ? TypedResults.LocalRedirect($"/m/cases/{id}") // out of sight: the page says not found
        : TypedResults.LocalRedirect($"/m/cases/{id}?done=true");
}
