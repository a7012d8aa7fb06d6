using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CivicGrid.IntegrationTests.Identity;

/// <summary>
/// Instances behind a load balancer share one Data Protection key ring through <c>DataProtection:KeysPath</c>: a token
/// one instance issued is good at another on the same ring, and worthless at an instance with a ring of its own.
/// </summary>
public sealed class KeyRingTests(Apps apps) : IClassFixture<Apps>
{
    sealed record TokenDto(string AccessToken);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_token_from_one_instance_is_honoured_by_another_on_the_same_key_ring_and_only_there(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var user = await A.Account(app, Roles.Resident);
        var shared = Directory.CreateTempSubdirectory("civicgrid-keys-");
        var own = Directory.CreateTempSubdirectory("civicgrid-keys-");
        try
        {
            await using var first = OnRing(app, shared.FullName);
            await using var second = OnRing(app, shared.FullName);
            await using var stranger = OnRing(app, own.FullName);

            var issued = await first.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = user, password = A.Password });
            issued.EnsureSuccessStatusCode();
            var token = (await issued.Content.ReadFromJsonAsync<TokenDto>())!.AccessToken;
            Assert.NotEmpty(shared.GetFiles("key-*.xml"));

            Assert.Equal(HttpStatusCode.OK, (await Me(second, token)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Me(stranger, token)).StatusCode);
        }
        finally
        {
            shared.Delete(recursive: true);
            own.Delete(recursive: true);
        }
    }

    static WebApplicationFactory<Program> OnRing(TestApp app, string keys) =>
        app.WithWebHostBuilder(b => b.UseSetting("DataProtection:KeysPath", keys));

    static Task<HttpResponseMessage> Me(WebApplicationFactory<Program> instance, string token)
    {
        var client = instance.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.GetAsync("/api/auth/me");
    }
}
