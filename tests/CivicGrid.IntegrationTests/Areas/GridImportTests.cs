using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Areas;

/// <summary>GeoJSON import of a community's grid polygons: all or nothing, with a per-feature error report.</summary>
public sealed class GridImportTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Export_then_import_of_moved_polygons_updates_them_and_locate(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider);
        var exported = await client.GetStringAsync($"/api/areas/{d.CommunityA.AreaCode}/grids.geojson");
        using var doc = JsonDocument.Parse(exported);
        Assert.Equal(4, doc.RootElement.GetProperty("features").GetArrayLength());

        // Shift the whole community 0.5° north: still a gap-free, overlap-free tiling.
        var features = d.GridsOf(d.CommunityA).Select((g, i) =>
            Feature(g.AreaCode, $"新{i + 1}网格", Ring(g.Boundary!.EnvelopeInternal.MinX, g.Boundary.EnvelopeInternal.MinY + 0.5, 0.01))).ToArray();
        var response = await Put(client, d.CommunityA.AreaCode, Collection(features));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var moved = d.GridsOf(d.CommunityA).First();
        var c = moved.Boundary!.InteriorPoint.Coordinate;
        using var found = JsonDocument.Parse(await client.GetStringAsync($"/api/areas/locate?lon={c.X}&lat={c.Y + 0.5}"));
        Assert.Equal(moved.AreaCode, found.RootElement.GetProperty("gridCode").GetString());
        await using var db = app.Db();
        Assert.Equal("新1网格", (await db.Areas.SingleAsync(a => a.AreaCode == moved.AreaCode)).Name);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_features_reject_the_whole_file_with_a_report(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider);
        var grids = d.GridsOf(d.CommunityA).ToList();
        var b = grids[0].Boundary!.EnvelopeInternal;
        var bowtie = $"[[[{b.MinX},{b.MinY}],[{b.MaxX},{b.MaxY}],[{b.MaxX},{b.MinY}],[{b.MinX},{b.MaxY}],[{b.MinX},{b.MinY}]]]";
        var overlapping = Ring(b.MinX + 0.005, b.MinY, 0.01); // half over its neighbour
        var file = Collection(
            Feature(grids[0].AreaCode, null, bowtie),                       // 0: self-intersection
            Feature(grids[1].AreaCode, null, overlapping),                  // 1: overlaps grid 2's unchanged polygon
            Feature(d.GridsOf(d.CommunityB).First().AreaCode, null, Ring(0, 0, 0.01)), // 2: another community's code
            Feature(grids[2].AreaCode, null, Ring(b.MinX, b.MinY + 0.01, 0.01)),       // 3: fine on its own
            Feature(grids[2].AreaCode, null, Ring(b.MinX, b.MinY + 0.01, 0.01)));      // 4: duplicate code
        var response = await Put(client, d.CommunityA.AreaCode, file);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("geojson.rejected", problem.RootElement.GetProperty("code").GetString());
        var errors = problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("index").GetInt32(), e.GetProperty("error").GetString())).ToList();
        Assert.Contains((0, "grid.polygon_invalid"), errors);
        Assert.Contains((1, "grid.overlap"), errors);
        Assert.Contains((2, "grid.code_unknown"), errors);
        Assert.Contains((4, "grid.code_duplicate"), errors);
        Assert.DoesNotContain(errors, e => e.Item1 == 3);

        // Nothing half-imported: grid 3 (the good feature) keeps its polygon.
        await using var db = app.Db();
        var stored = await db.Areas.SingleAsync(a => a.AreaCode == grids[2].AreaCode);
        Assert.True(stored.Boundary!.EqualsExact(grids[2].Boundary!));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_gap_between_grids_is_reported(DatabaseProvider provider)
    {
        var (_, d, client) = await Arrange(provider);
        var grids = d.GridsOf(d.CommunityA).ToList();
        // Shrink the four squares that meet at the community's centre: a hole opens where they met.
        var file = Collection(grids.Select(g =>
        {
            var e = g.Boundary!.EnvelopeInternal;
            return Feature(g.AreaCode, null, $"[[[{e.MinX},{e.MinY}],[{e.MaxX},{e.MinY}],[{e.MaxX},{e.MaxY}],[{e.MinX},{e.MaxY}],[{e.MinX},{e.MinY}]]]");
        }).Take(3).Append(Feature(grids[3].AreaCode, null, Shrunk(grids[3].Boundary!.EnvelopeInternal))).ToArray());
        var response = await Put(client, d.CommunityA.AreaCode, file);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("grid.gap", await response.Content.ReadAsStringAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Malformed_file_and_foreign_community_are_refused(DatabaseProvider provider)
    {
        var (_, d, client) = await Arrange(provider);
        var malformed = await Put(client, d.CommunityA.AreaCode, "{ not geojson");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, malformed.StatusCode);
        Assert.Equal("geojson.malformed", await malformed.ProblemCode());
        var foreign = await Put(client, d.CommunityC.AreaCode, Collection(Feature(d.GridsOf(d.CommunityC).First().AreaCode, null, Ring(0, 0, 0.01))));
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    async Task<(TestApp, TestDistrict, HttpClient)> Arrange(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        var client = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA)));
        return (app, d, client);
    }

    static Task<HttpResponseMessage> Put(HttpClient client, string community, string body) =>
        client.PutAsync($"/api/areas/{community}/grids.geojson", new StringContent(body, Encoding.UTF8, "application/geo+json"));

    static string Ring(double x, double y, double s) =>
        $"[[[{x},{y}],[{x + s},{y}],[{x + s},{y + s}],[{x},{y + s}],[{x},{y}]]]";

    // The corner nearest the community centre pulled in by a fifth of the cell: leaves a notch, i.e. a hole in the union.
    static string Shrunk(NetTopologySuite.Geometries.Envelope e)
    {
        var cut = e.Width / 5;
        return $"[[[{e.MinX + cut},{e.MinY}],[{e.MaxX},{e.MinY}],[{e.MaxX},{e.MaxY}],[{e.MinX},{e.MaxY}],[{e.MinX},{e.MinY + cut}],[{e.MinX + cut},{e.MinY + cut}],[{e.MinX + cut},{e.MinY}]]]";
    }

    static string Feature(string code, string? name, string coordinates)
    {
        var properties = name is null ? $"{{\"code\":\"{code}\"}}" : $"{{\"code\":\"{code}\",\"name\":\"{name}\"}}";
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}}";
    }

    static string Collection(params string[] features) => $$"""{"type":"FeatureCollection","features":[{{string.Join(",", features)}}]}""";
}
