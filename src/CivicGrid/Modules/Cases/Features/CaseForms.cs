using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// The phone's plain HTML forms on a case page (/m/cases/{id}): rating (评价) by the reporter and verification (核查)
/// on the ground, with photos. They run the same <see cref="CaseMoves"/> as the REST routes and answer with a redirect
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
        // A file input left empty still sends one nameless, empty part.
        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0)
            .Select(f => new UploadFiles.Incoming(f.FileName, f.Length, f.ContentType, f.OpenReadStream)).ToList();
        Guid[]? photoIds = null;
        if (chosen.Count > 0)
        {
            // Stored first, as the app's upload call would be; the move then takes them like any photo ids.
            var stored = await UploadFiles.StoreAsync(chosen, db, user, store, limits, clock.GetUtcNow(), ct);
            if (stored.Error is { } refused) return Back(id, refused);
            photoIds = stored.Files.Select(f => f.Id).ToArray();
        }
        return Back(id, await move.TryAsync(id, version, CaseMoves.Verify(ok, Clean(comment), photoIds), ct));
    }

    static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    static RedirectHttpResult Back(Guid id, Error error) => TypedResults.LocalRedirect($"/m/cases/{id}?error={Uri.EscapeDataString(error.Code)}");

    static RedirectHttpResult Back(Guid id, MoveCase.Outcome outcome) =>
        outcome.Error is { } error ? Back(id, error)
        : outcome.NotFound ? TypedResults.LocalRedirect($"/m/cases/{id}") // out of sight: the page says not found
        : TypedResults.LocalRedirect($"/m/cases/{id}?done=true");
}
