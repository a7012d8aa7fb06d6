using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// The phone's plain HTML forms (ADR 10): sign up, cancel, confirm a scanned check-in or check-out, post, claim, fulfil
/// (with photos in the same post) and confirm a wish, register as an in-service member (/m/register), mark notices read. They run the same use cases as the JSON routes and answer with a
/// redirect back to the page — <c>?error=code</c> when refused (shown from Ui.resx), <c>?done=…</c> when done.
/// </summary>
public static class VolunteerForms
{
    public static void Map(WebApplication app)
    {
        var forms = app.MapGroup("/m").ExcludeFromDescription();
        forms.MapPost("/activities/{id:guid}/signup", async (Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            ToActivity(id, Settled(await SignUpForActivity.SignUpAsync(db, user, id, clock.GetUtcNow(), ct), VolunteerErrors.AlreadySignedUp), "signup"))
            .RequireAuthorization(Permissions.Volunteering.Serve);
        forms.MapPost("/activities/{id:guid}/cancel", async (Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            ToActivity(id, Settled(await SignUpForActivity.CancelAsync(db, user, id, clock.GetUtcNow(), ct), VolunteerErrors.NotSignedUp), "cancel"))
            .RequireAuthorization(Permissions.Volunteering.Serve);
        forms.MapPost("/activities/{id:guid}/scan", Scan).RequireAuthorization(Permissions.Volunteering.Serve);
        forms.MapPost("/wishes", PostWishForm).RequireAuthorization();
        forms.MapPost("/wishes/{id:guid}/claim", Claim).RequireAuthorization(Permissions.Volunteering.Serve);
        forms.MapPost("/wishes/{id:guid}/fulfil", Fulfil).RequireAuthorization(Permissions.Volunteering.Serve)
            .WithMetadata(new RequestSizeLimitAttribute(100L * 1024 * 1024));
        forms.MapPost("/register", Register).RequireAuthorization();
        forms.MapPost("/activities/notices/read", async (CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
        {
            await VolunteerNotices.MarkAllReadAsync(db, user, clock.GetUtcNow(), ct);
            return TypedResults.LocalRedirect("/m/activities");
        }).RequireAuthorization();
        forms.MapPost("/wishes/{id:guid}/confirm", async (Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            ToWishes(await ConfirmWish.RunAsync(db, user, id, clock.GetUtcNow(), ct), "confirmed")).RequireAuthorization();
    }

    /// <summary>
    /// An in-service member's dual registration from /m/register. A refusal goes back with its code and the chosen unit
    /// and community (never the name or ID number: they would sit in the address and the history). On success the
    /// sign-in cookie is issued again, so the volunteer role granted in the same transaction works at once.
    /// </summary>
    static async Task<RedirectHttpResult> Register([FromForm] string? name, [FromForm] string? idCard, [FromForm] string? employerId,
        [FromForm] string? communityCode, CivicGridDbContext db, CurrentUser user, PersonalDataProtector protector,
        SignInManager<Account> signIn, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var employer = Guid.TryParse(employerId, out var e) ? e : Guid.Empty;
        var result = await RegisterMember.RunAsync(new RegisterMember.Request(name ?? "", idCard, employer, communityCode ?? ""), db, user, protector,
            clock.GetUtcNow(), ct);
        if (result.IsError)
            return TypedResults.LocalRedirect($"/m/register?error={Uri.EscapeDataString(result.Error!.Code)}" +
                $"&employer={(employer == Guid.Empty ? "" : employer)}&community={Uri.EscapeDataString(communityCode ?? "")}");
        // Only a cookie can be issued again; a bearer caller gets the role with its next token.
        if ((await http.AuthenticateAsync(IdentityConstants.ApplicationScheme)).Succeeded
            && await signIn.UserManager.FindByIdAsync(user.Id!.Value.ToString()) is { } account)
        {
            signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
            await signIn.RefreshSignInAsync(account);
        }
        return TypedResults.LocalRedirect("/m/register?done=registered");
    }

    /// <summary>The scan page's confirmation: check in when not yet in, otherwise check out.</summary>
    static async Task<RedirectHttpResult> Scan(Guid id, [FromForm] string? code, [FromForm] string? move, CivicGridDbContext db, CurrentUser user,
        CheckInCodes codes, TimeProvider clock, CancellationToken ct)
    {
        var which = move == "out" ? CheckInAtActivity.Move.CheckOut : CheckInAtActivity.Move.CheckIn;
        var error = await CheckInAtActivity.RunAsync(which, id, code, db, user, codes, clock.GetUtcNow(), ct);
        return ToActivity(id, error, which == CheckInAtActivity.Move.CheckIn ? "checkin" : "checkout");
    }

    /// <summary>
    /// A second tap of the same button finds done what the first asked for (signed up, or cancelled): the form says
    /// done, not "you are already signed up". The API still answers the refusal.
    /// </summary>
    static Error? Settled(Error? error, Error alreadySo) => error == alreadySo ? null : error;

    /// <summary>Posts the wish once per form (<see cref="FormOnce"/>): a second tap lands on the same "done".</summary>
    static async Task<RedirectHttpResult> PostWishForm([FromForm] string? title, [FromForm] string? description, [FromForm] Guid? formId,
        CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (await FormOnce.SentBeforeAsync(db, user, formId, now, ct)) return ToWishes(null, "posted");
        try { return ToWishes((await PostWish.RunAsync(new PostWish.Request(title ?? "", description, null), db, user, now, ct)).Error, "posted"); }
        catch (DbUpdateException) { if (await FormOnce.SavedMeanwhileAsync(db, user, formId, ct)) return ToWishes(null, "posted"); throw; }
    }

    static async Task<RedirectHttpResult> Claim(Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var wish = await db.MicroWishes.FindAsync([id], ct);
        if (wish is null) return ToWishes(VolunteerErrors.WishTaken, null);
        var error = wish.Claim(user.Id!.Value, null, user.DisplayName, clock.GetUtcNow());
        if (error is null)
        {
            try { await db.SaveChangesAsync(ct); }
            catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException) { error = VolunteerErrors.WishTaken; }
        }
        return ToWishes(error, "claimed");
    }

    static async Task<RedirectHttpResult> Fulfil(Guid id, [FromForm] string? note, IFormFileCollection files, CivicGridDbContext db, CurrentUser user,
        IFileStore store, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        // A file input left empty still sends one nameless, empty part.
        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0)
            .Select(f => new UploadFiles.Incoming(f.FileName, f.Length, f.ContentType, f.OpenReadStream)).ToList();
        Guid[] photoIds = [];
        if (chosen.Count > 0)
        {
            var stored = await UploadFiles.StoreAsync(chosen, db, user, store, limits, clock.GetUtcNow(), ct);
            if (stored.Error is { } refused) return ToWishes(refused, null);
            photoIds = stored.Files.Select(f => f.Id).ToArray();
        }
        return ToWishes(await FulfilWish.RunAsync(db, user, id, new FulfilWish.Request(note, photoIds), clock.GetUtcNow(), ct), "fulfilled");
    }

    static RedirectHttpResult ToActivity(Guid id, Error? error, string done) => TypedResults.LocalRedirect(error is null
        ? $"/m/activities/{id}?done={done}" : $"/m/activities/{id}?error={Uri.EscapeDataString(error.Code)}");

    static RedirectHttpResult ToWishes(Error? error, string? done) => TypedResults.LocalRedirect(error is null
        ? $"/m/wishes?done={done}" : $"/m/wishes?error={Uri.EscapeDataString(error.Code)}");
}
