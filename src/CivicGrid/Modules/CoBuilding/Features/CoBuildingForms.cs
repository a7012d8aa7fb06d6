using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// The phone's plain HTML forms (ADR 10) for co-building (/m/cobuilding): a unit claims a need and reports progress on
/// its project with photos taken on the phone (in the same multipart post, stored as <c>POST /api/cases/uploads</c>
/// stores them, then named by id like any upload); community staff confirm or decline a claim. They call the same
/// handlers as the JSON routes and answer with a redirect back — <c>?error=code</c> when refused (shown from Ui.resx),
/// <c>?done=…</c> when done — so a phone without script can still act.
/// </summary>
public static class CoBuildingForms
{
    /// <summary>Form-only codes for answers that carry no code of their own (out of sight, no permission).</summary>
    public const string NotFoundCode = "cobuilding.not_found", ForbiddenCode = "cobuilding.forbidden", FailedCode = "cobuilding.failed";

    public const string Board = "/m/cobuilding";

    public static string ProjectPage(Guid id) => $"/m/cobuilding/projects/{id}";

    public static void Map(WebApplication app)
    {
        var forms = app.MapGroup("/m/cobuilding").ExcludeFromDescription();
        forms.MapPost("/needs/{id:guid}/claim", async (Guid id, [FromForm] string? note, CivicGridDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) => Back(Board, await ClaimNeed.Handle(id, new ClaimNeed.Request(null, note), db, user, clock, ct), "claimed"))
            .RequireAuthorization(Permissions.CoBuilding.Take);
        forms.MapPost("/needs/{id:guid}/confirm", async (Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                Back(Board, await DecideClaim.Confirm(id, db, user, clock, ct), "confirmed"))
            .RequireAuthorization(Permissions.CoBuilding.Manage);
        forms.MapPost("/needs/{id:guid}/decline", async (Guid id, [FromForm] string? reason, CivicGridDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) => Back(Board, await DecideClaim.Decline(id, new DecideClaim.DeclineRequest(reason), db, user, clock, ct), "declined"))
            .RequireAuthorization(Permissions.CoBuilding.Manage);
        forms.MapPost("/projects/{id:guid}/progress", Progress).RequireAuthorization(Permissions.CoBuilding.Take)
            .WithMetadata(new RequestSizeLimitAttribute(100L * 1024 * 1024));
    }

    static async Task<RedirectHttpResult> Progress(Guid id, [FromForm] string? text, [FromForm] Guid? milestone, IFormFileCollection files,
        CivicGridDbContext db, CurrentUser user, IFileStore store, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        // A file input left empty still sends one nameless, empty part.
        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0)
            .Select(f => new UploadFiles.Incoming(f.FileName, f.Length, f.ContentType, f.OpenReadStream)).ToList();
        Guid[]? photoIds = null;
        if (chosen.Count > 0)
        {
            var stored = await UploadFiles.StoreAsync(chosen, db, user, store, limits, clock.GetUtcNow(), ct);
            if (stored.Error is { } refused) return To(ProjectPage(id), refused.Code);
            photoIds = stored.Files.Select(f => f.Id).ToArray();
        }
        var result = await WorkOnProject.Progress(id, new WorkOnProject.ProgressRequest(text ?? "", milestone, photoIds), db, user, clock, ct);
        return Back(ProjectPage(id), result, "progress");
    }

    /// <summary>The page again, with the refusal's code or what was done.</summary>
    static RedirectHttpResult Back(string page, IResult result, string done) => To(page, CodeOf(result), done);

    static RedirectHttpResult To(string page, string? error, string? done = null) => TypedResults.LocalRedirect(error is not null
        ? $"{page}?error={Uri.EscapeDataString(error)}" : $"{page}?done={done}");

    static string? CodeOf(IResult result) => (result is INestedHttpResult nested ? nested.Result : result) switch
    {
        ProblemHttpResult p when p.ProblemDetails.Extensions.TryGetValue("code", out var code) && code is not null => code.ToString(),
        ProblemHttpResult { StatusCode: 403 } => ForbiddenCode,
        ProblemHttpResult => FailedCode,
        NotFound => NotFoundCode,
        _ => null,
    };
}
