using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Identity;

public sealed class AuthTests(Apps apps) : IClassFixture<Apps>
{
    sealed record MeDto(string UserName, string[] Permissions, string[] AreaPrefixes, bool Unrestricted);

    [Theory, OnSqlite, OnPostgres]
    public async Task Token_carries_permissions_and_scope(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var user = await A.Account(app, Roles.GridWorker, A.AreaScope(d.GridsOf(d.CommunityA).First()));
        var me = await (await app.ClientFor(user)).Get<MeDto>("/api/auth/me");
        Assert.Equal(user, me.UserName);
        Assert.Contains(Permissions.People.Reveal, me.Permissions);
        Assert.DoesNotContain(Permissions.Accounts.Manage, me.Permissions);
        Assert.Equal([d.GridsOf(d.CommunityA).First().AreaCode], me.AreaPrefixes);
        Assert.False(me.Unrestricted);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Wrong_password_is_401_and_five_failures_lock_the_account(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await A.Account(app, Roles.Resident);
        var client = app.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "wrong-password1" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("auth.invalid_credentials", await wrong.ProblemCode());
        }
        var fifth = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "wrong-password1" });
        Assert.Equal("auth.locked_out", await fifth.ProblemCode());
        // Locked: even the right password is refused until the lockout ends.
        var right = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = A.Password });
        Assert.Equal(HttpStatusCode.Locked, right.StatusCode);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Unknown_user_looks_like_a_wrong_password(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "nobody-here", password = "whatever1" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("auth.invalid_credentials", await response.ProblemCode());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Password_change_needs_the_current_password(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await A.Account(app, Roles.Volunteer);
        var client = await app.ClientFor(user);
        var refused = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "not-it-123", newPassword = "newpass2026" });
        Assert.Equal("auth.password_rejected", await refused.ProblemCode());
        var changed = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = A.Password, newPassword = "newpass2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        await app.ClientFor(user, "newpass2026");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Login_page_signs_in_with_a_cookie_that_carries_the_scope(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var user = await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA));
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/login");
        Assert.Contains("登录", page);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = user, ["password"] = A.Password, ["returnUrl"] = "/areas", ["__RequestVerificationToken"] = token,
        });
        var response = await client.PostAsync("/account/login", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/areas", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("civicgrid=")).Split(';')[0];

        // The cookie's security-stamp check runs before the principal is set; the request must still see the caller.
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Contains(user, await api.GetStringAsync("/api/auth/me"));
        var residents = await api.Get<PagedDto<ResidentDto>>("/api/residents?pageSize=200");
        Assert.Equal(d.ResidentsOf(d.CommunityA).Select(r => r.Entity.Id).Order(), residents.Items.Select(r => r.Id).Order());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Operation_log_records_endpoint_and_ids_never_bodies(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var user = await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA));
        var client = await app.ClientFor(user);
        var someone = d.ResidentsOf(d.CommunityA).First();
        const string reason = "理由-不应出现在日志中";
        await client.PostAsJsonAsync($"/api/residents/{someone.Entity.Id}/reveal", new { reason });

        await app.Services.GetRequiredService<Modules.Audit.OperationLogWriter>().FlushAsync(CancellationToken.None); // written in batches
        await using var db = app.Db();
        var entry = await db.OperationLog.SingleAsync(e => e.AccountName == user);
        Assert.Equal("POST", entry.Method);
        Assert.Equal("/api/residents/{id:guid}/reveal", entry.Endpoint);
        Assert.Equal($"id={someone.Entity.Id}", entry.Ids);
        Assert.Equal(200, entry.Status);
        var text = System.Text.Json.JsonSerializer.Serialize(entry);
        Assert.DoesNotContain(reason, text);
        Assert.DoesNotContain(someone.IdCard, text);

        var admin = await app.ClientFor(await A.Account(app, Roles.Admin));
        var page = await admin.GetStringAsync($"/api/operation-log?account={user}");
        Assert.Contains("/reveal", page);
        Assert.Equal(HttpStatusCode.Forbidden, await client.StatusOf(HttpMethod.Get, "/api/operation-log"));
    }
}
