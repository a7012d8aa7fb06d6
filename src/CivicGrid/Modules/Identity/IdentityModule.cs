using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Identity.Features;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace CivicGrid.Modules.Identity;

public static class IdentityModule
{
    const string CookieOrBearer = "CookieOrBearer";

    public static IHostApplicationBuilder AddIdentityModule(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped(CurrentUserOf);
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, CircuitAuthenticationState>();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.IHostEnvironmentAuthenticationStateProvider>(
            sp => (CircuitAuthenticationState)sp.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>());
        services.AddScoped<ScopedDb>();
        AddKeyRing(builder);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearer;
                o.DefaultChallengeScheme = CookieOrBearer;
            })
            .AddPolicyScheme(CookieOrBearer, "Cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.LogoutPath = "/logout";
            o.AccessDeniedPath = "/denied";
            o.Cookie.Name = "civicgrid";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // The API answers 401/403; only pages redirect to the login page.
            o.Events.OnRedirectToLogin = ctx => Redirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => Redirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddIdentityCore<Account>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AccountRole>()
            .AddEntityFrameworkStores<CivicGridDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddDefaultTokenProviders();

        var authorization = services.AddAuthorizationBuilder();
        foreach (var permission in Permissions.All)
            authorization.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireClaim(CurrentUser.PermissionClaim, permission));
        return builder;
    }

    /// <summary>
    /// Cookies, bearer tokens and antiforgery tokens are protected with ASP.NET Core Data Protection. Behind a load balancer
    /// every instance must read the same key ring: <c>DataProtection:KeysPath</c> names a folder they share (a mounted
    /// volume). Unset, each machine keeps its own ring in the user profile, which is right for one instance only. The
    /// application name is fixed so that instances installed in different folders still share their tokens.
    /// </summary>
    static void AddKeyRing(IHostApplicationBuilder builder)
    {
        var ring = builder.Services.AddDataProtection().SetApplicationName("CivicGrid");
        if (builder.Configuration["DataProtection:KeysPath"] is { Length: > 0 } path)
            ring.PersistKeysToFileSystem(new DirectoryInfo(path));
    }

    /// <summary>
    /// The caller: from the request in HTTP endpoints and static pages; in a Blazor circuit (no HttpContext) from the
    /// circuit's authentication state, which the server sets before any component of the circuit is created.
    /// </summary>
    static CurrentUser CurrentUserOf(IServiceProvider sp)
    {
        var http = sp.GetRequiredService<IHttpContextAccessor>();
        var circuit = sp.GetService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>() as CircuitAuthenticationState;
        var anonymous = new System.Security.Claims.ClaimsPrincipal();
        return new CurrentUser(() =>
            http.HttpContext?.User
            ?? (circuit?.State is { IsCompletedSuccessfully: true } state ? state.Result.User : anonymous));
    }

    static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int apiStatus)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/open311"))
            ctx.Response.StatusCode = apiStatus;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication MapIdentityModule(this WebApplication app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        IssueToken.Map(auth);
        ChangePassword.Map(auth);
        GetMe.Map(auth);
        var accounts = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization(Permissions.Accounts.Manage);
        ManageAccounts.Map(accounts);
        SignInWithForm.Map(app);
        return app;
    }
}
