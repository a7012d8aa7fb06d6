using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Modules.Identity.Features;

/// <summary>POST /api/auth/token: username + password → bearer token (and refresh token) for API clients.</summary>
public static class IssueToken
{
    public sealed record Request(string UserName, string Password);

    public static readonly Error BadCredentials = new("auth.invalid_credentials", "用户名或密码错误。", StatusCodes.Status401Unauthorized);
    public static readonly Error LockedOut = new("auth.locked_out", "登录失败次数过多，账号已临时锁定，请15分钟后再试。", StatusCodes.Status423Locked);

    public static void Map(RouteGroupBuilder auth) =>
        auth.MapPost("/token", Handle).AllowAnonymous().WithSummary("Exchange username and password for a bearer token");

    static async Task<Results<EmptyHttpResult, ProblemHttpResult>> Handle(Request request, SignInManager<Account> signIn)
    {
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        var result = await SignInChecks.PasswordSignIn(signIn, request.UserName, request.Password);
        if (result is not null) return result.ToProblem();
        return TypedResults.Empty; // the bearer handler has written {tokenType, accessToken, expiresIn, refreshToken}
    }
}

static class SignInChecks
{
    /// <summary>Signs in with lockout on failure; null on success, otherwise the error to show.</summary>
    public static async Task<Error?> PasswordSignIn(SignInManager<Account> signIn, string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return IssueToken.BadCredentials;
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null || user.Disabled) return IssueToken.BadCredentials;
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut) return IssueToken.LockedOut;
        return result.Succeeded ? null : IssueToken.BadCredentials;
    }
}
