using System.Text.Json;
using CivicGrid.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CivicGrid.BrowserTests.Cases;

/// <summary>What the phone case tests share: a photo, the report form's readiness, a point in the viewer's own grid.</summary>
static class MobileCases
{
    /// <summary>A tiny valid PNG: the server checks photos by their bytes.</summary>
    public static readonly FilePayload Photo = new()
    {
        Name = "现场.png", MimeType = "image/png",
        Buffer = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="),
    };

    /// <summary>Waits until mreport.js has wired the form (map drawn, selects filtered, photo inputs listening).</summary>
    public static Task FormReadyAsync(IPage page) =>
        page.Locator("#m-report[data-ready=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>The middle of the grid the page's map marks as the viewer's own (from the GeoJSON the page was given).</summary>
    public static async Task<(double Lon, double Lat, string Code)> HomeGridPointAsync(IPage page)
    {
        var json = await page.Locator("#m-map").GetAttributeAsync("data-grids");
        using var doc = JsonDocument.Parse(json!);
        var home = doc.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("home").GetBoolean());
        var ring = home.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();
        return ((ring.Min(p => p.X) + ring.Max(p => p.X)) / 2, (ring.Min(p => p.Y) + ring.Max(p => p.Y)) / 2,
            home.GetProperty("properties").GetProperty("code").GetString()!);
    }

    /// <summary>Case id from the "follow the case" link the report form shows after submitting.</summary>
    public static async Task<string> ReportedCaseIdAsync(IPage page) =>
        (await page.Locator("#m-view").GetAttributeAsync("href"))!.Split('/').Last();

    public static Task<bool> FitsThePhoneAsync(IPage page) =>
        page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth");
}
