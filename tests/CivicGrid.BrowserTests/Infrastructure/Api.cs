using System.Text.Json;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>Reads the JSON API with a signed-in page's cookie, to find what a test needs without relying on seeded counts.</summary>
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
}
