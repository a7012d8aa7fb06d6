using CivicGrid.Modules.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CivicGrid.Modules.Identity.Features;

/// <summary>Cookie sign-in from the Chinese login page (plain form post, works without JavaScript) and sign-out.</summary>
public static class SignInWithForm
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/account/login", Login).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", Logout).ExcludeFromDescription();
    }

    static async Task<IResult> Login(
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl, SignInManager<Account> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        var error = await SignInChecks.PasswordSignIn(signIn, userName, password);
        var back = IsLocal(returnUrl) ? returnUrl! : "/";
        if (error is null) return Results.LocalRedirect(back);
        return Results.LocalRedirect($"/login?error={Uri.EscapeDataString(error.Code)}&returnUrl={Uri.EscapeDataString(back)}");
    }

    static async Task<IResult> Logout(SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        return Results.LocalRedirect("/login");
    }

    static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");
}
