using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>
/// Reads the JSON API with a signed-in page's cookie, to find what a test needs without relying on seeded counts; and
/// drives it as an app would, with a bearer token, to set up what a page test starts from.
/// </summary>
public static class Api
{
    public static async Task<JsonElement> Json(IPage page, string url)
    {
        var response = await page.Context.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"{url}: {response.Status}");
        return (await response.JsonAsync())!.Value;
    }

    /// <summary>A community worker's scope is their community: its 12-digit code is their only area prefix.</summary>
    public static async Task<string> CommunityOf(IPage page)
    {
        var prefix = (await Json(page, "/api/auth/me")).GetProperty("areaPrefixes")[0].GetString()!;
        Assert.Equal(12, prefix.Length);
        return prefix;
    }

    /// <summary>Signs <paramref name="userName"/> in on a page of its own just to read their community.</summary>
    public static async Task<string> CommunityOf(ConsoleFixture app, string userName)
    {
        var page = await app.SignInAsync(userName);
        try { return await CommunityOf(page); }
        finally { await page.Context.CloseAsync(); }
    }

    /// <summary>A client signed in as <paramref name="userName"/> with a bearer token (POST /api/auth/token), as an app is.</summary>
    public static async Task<HttpClient> ClientAsync(ConsoleFixture app, string userName)
    {
        var http = new HttpClient { BaseAddress = app.BaseUrl };
        var token = await http.PostAsJsonAsync("/api/auth/token", new { userName, password = ConsoleFixture.Password });
        Assert.True(token.IsSuccessStatusCode, $"token for {userName}: {(int)token.StatusCode}");
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return http;
    }

    public static async Task<JsonElement> GetAsync(HttpClient http, string url)
    {
        var response = await http.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> PostAsync(HttpClient http, string url, object body)
    {
        var response = await http.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
