using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Identity;

public sealed class AccountTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Admin_creates_a_scoped_account_that_then_sees_only_its_community(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var admin = await app.ClientFor(await A.Account(app, Roles.Admin));
        var userName = $"cw-{Guid.NewGuid():N}"[..20];
        var created = await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName, displayName = "新社工", password = "welcome2026", roles = new[] { Roles.CommunityStaff },
            scopes = new[] { new { kind = "Area", areaCode = d.CommunityB.AreaCode } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var worker = await app.ClientFor(userName, "welcome2026");
        var list = await worker.Get<PagedDto<ResidentDto>>("/api/residents?pageSize=200");
        Assert.Equal(d.ResidentsOf(d.CommunityB).Select(r => r.Entity.Id).Order(), list.Items.Select(r => r.Id).Order());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_roles_scopes_and_passwords_are_refused(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var admin = await app.ClientFor(await A.Account(app, Roles.Admin));
        async Task<string?> Create(object body) => await (await admin.PostAsJsonAsync("/api/accounts", body)).ProblemCode();
        Assert.Equal("account.role_unknown", await Create(new { userName = "x1", displayName = "x", password = "welcome2026", roles = new[] { "king" }, scopes = Array.Empty<object>() }));
        Assert.Equal("account.scope_invalid", await Create(new { userName = "x2", displayName = "x", password = "welcome2026", roles = new[] { Roles.GridWorker }, scopes = new[] { new { kind = "Area", areaCode = "123" } } }));
        Assert.Equal("account.password_rejected", await Create(new { userName = "x3", displayName = "x", password = "short", roles = new[] { Roles.GridWorker }, scopes = Array.Empty<object>() }));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Only_admins_manage_accounts(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var street = await app.ClientFor(await A.Account(app, Roles.StreetStaff, A.AreaScope(d.Street1)));
        Assert.Equal(HttpStatusCode.Forbidden, await street.StatusOf(HttpMethod.Get, "/api/accounts"));
        Assert.Equal(HttpStatusCode.Forbidden, await street.StatusOf(HttpMethod.Post, "/api/accounts", new { userName = "x" }));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Health_and_openapi_answer_without_sign_in(DatabaseProvider provider)
    {
        var client = (await apps.For(provider)).CreateClient();
        Assert.Equal(HttpStatusCode.OK, await client.StatusOf(HttpMethod.Get, "/health"));
        Assert.Contains("ready", await client.GetStringAsync("/health/ready"));
        Assert.Contains("/api/areas/locate", await client.GetStringAsync("/openapi/v1.json"));
    }
}

public sealed class CircuitUserTests(Apps apps) : IClassFixture<Apps>
{
    /// <summary>Blazor pages read the caller from the circuit's authentication state; a scope that is neither a request
    /// nor a circuit (seeding, background work) is anonymous and sees nothing, instead of failing.</summary>
    [Theory, OnSqlite]
    public async Task Circuit_state_sets_the_current_user_and_its_scope(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        using var scope = app.Services.CreateScope();
        var host = scope.ServiceProvider.GetRequiredService<IHostEnvironmentAuthenticationStateProvider>();
        Assert.Same(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>(), host);

        var claims = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(CurrentUser.AreaScopeClaim, d.CommunityA.AreaCode)], "test");
        host.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(claims))));
        var db = scope.ServiceProvider.GetRequiredService<ScopedDb>().Open();
        Assert.Equal(d.ResidentsOf(d.CommunityA).Count(), await db.Residents.CountAsync());

        using var background = app.Services.CreateScope();
        Assert.False(background.ServiceProvider.GetRequiredService<CurrentUser>().IsAuthenticated);
        Assert.Equal(0, await background.ServiceProvider.GetRequiredService<CivicGridDbContext>().Residents.CountAsync());
    }
}
