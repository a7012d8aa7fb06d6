using System.Text.Json;
using CivicGrid.BrowserTests.Infrastructure;

namespace CivicGrid.BrowserTests.Cases;

/// <summary>Cases made over the REST API (bearer tokens), in community1's first grid, for the console tests to start from.</summary>
public sealed class CaseSetup
{
    public required HttpClient Community { get; init; }
    public required TestCatalog.Item Item { get; init; }
    public required (double Lon, double Lat) Point { get; init; }

    public static async Task<CaseSetup> CreateAsync(ConsoleFixture app)
    {
        var item = await TestCatalog.CityscapeItemAsync(app);
        var community = await Api.ClientAsync(app, "community1");
        var me = await Api.GetAsync(community, "/api/auth/me");
        var code = me.GetProperty("areaPrefixes")[0].GetString()!;
        var grids = await Api.GetAsync(community, $"/api/areas/{code}/grids.geojson");
        // The first grid's outline is a rectangle in the demo: its middle is inside it.
        var ring = grids.GetProperty("features")[0].GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray()
            .Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        var point = ((ring.Min(p => p.Lon) + ring.Max(p => p.Lon)) / 2, (ring.Min(p => p.Lat) + ring.Max(p => p.Lat)) / 2);
        return new CaseSetup { Community = community, Item = item, Point = point };
    }

    /// <summary>A phone case taken by community1: (id, number).</summary>
    public async Task<(Guid Id, string Number)> ReportAsync(string description, HttpClient? who = null)
    {
        var c = await Api.PostAsync(who ?? Community, "/api/cases", new
        {
            itemCode = Item.Code, description, longitude = Point.Lon, latitude = Point.Lat, address = "浏览器测试路8号",
            source = "Phone", reporterName = "王先生",
        });
        var summary = c.GetProperty("case");
        return (summary.GetProperty("id").GetGuid(), summary.GetProperty("number").GetString()!);
    }

    public Task<JsonElement> MoveAsync(Guid id, string action, object? body = null, HttpClient? who = null) =>
        Api.PostAsync(who ?? Community, $"/api/cases/{id}/{action}", body ?? new { });

    /// <summary>The district unit called <paramref name="name"/>, from the dispatcher's suggestions for the case.</summary>
    public async Task<Guid> UnitAsync(Guid caseId, string name)
    {
        var units = await Api.GetAsync(Community, $"/api/cases/{caseId}/units");
        return units.EnumerateArray().Single(u => u.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();
    }

    /// <summary>A tiny valid PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");
}
