using System.Net;
using System.Text.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;

namespace CivicGrid.IntegrationTests.Open311;

/// <summary>GET discovery, services and services/{code}, in both formats, checked against the GeoReport v2 schemas.</summary>
public sealed class ServicesTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Discovery_names_the_endpoint_and_its_formats_with_exact_content_types(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var client = app.CreateClient();

        var json = await Open311Data.Json(await client.GetAsync("/open311/v2/discovery.json"));
        var endpoint = json.GetProperty("endpoints")[0];
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.GetProperty("specification").GetString());
        Assert.EndsWith("/open311/v2", endpoint.GetProperty("url").GetString());
        Assert.Equal(["text/xml", "application/json"], endpoint.GetProperty("formats").EnumerateArray().Select(f => f.GetString()));
        Assert.EndsWith("+08:00", json.GetProperty("changeset").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("contact").GetString()));

        var xml = await Open311Data.Xml(await client.GetAsync("/open311/v2/discovery.xml"));
        Assert.Equal("discovery", xml.Name.LocalName);
        Assert.Equal(["text/xml", "application/json"], xml.Element("endpoints")!.Element("endpoint")!.Element("formats")!.Elements("format").Select(f => f.Value));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/open311/v2/discovery.csv")).StatusCode);
        Assert.Contains("/open311/v2/servicerequestupdates.{format}", await client.GetStringAsync("/openapi/v1.json"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Services_list_the_active_catalog_items_and_match_the_schema(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await Open311Data.Catalog(app);
        var client = app.CreateClient();

        var response = await client.GetAsync("/open311/v2/services.json");
        await Open311Data.AssertValid("services.json", response);
        var services = (await Open311Data.Json(response)).EnumerateArray().ToList();
        var mine = Assert.Single(services, s => s.GetProperty("service_code").GetString() == Open311Data.ItemCode);
        Assert.Equal(Open311Data.ItemName, mine.GetProperty("service_name").GetString());
        Assert.Equal(Open311Data.CategoryName, mine.GetProperty("group").GetString());
        Assert.Equal("realtime", mine.GetProperty("type").GetString());
        Assert.False(mine.GetProperty("metadata").GetBoolean());
        Assert.Contains("城管", mine.GetProperty("keywords").GetString());
        Assert.Contains("3个工作日", mine.GetProperty("description").GetString());
        Assert.DoesNotContain(services, s => s.GetProperty("service_code").GetString() == Open311Data.RetiredItemCode);

        var english = await Open311Data.Json(await client.GetAsync("/open311/v2/services.json?culture=en"));
        Assert.Contains("3 working days", english.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == Open311Data.ItemCode)
            .GetProperty("description").GetString());

        var xml = await Open311Data.Xml(await client.GetAsync("/open311/v2/services.xml"));
        Assert.Equal("services", xml.Name.LocalName);
        var service = Assert.Single(xml.Elements("service"), s => s.Element("service_code")!.Value == Open311Data.ItemCode);
        Assert.Equal(Open311Data.ItemName, service.Element("service_name")!.Value);
        Assert.Equal("false", service.Element("metadata")!.Value);
        Assert.Equal(Open311Data.CategoryName, service.Element("group")!.Value);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Service_definition_has_no_attributes_and_an_unknown_code_is_a_404_error(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await Open311Data.Catalog(app);
        var client = app.CreateClient();

        var response = await client.GetAsync($"/open311/v2/services/{Open311Data.ItemCode}.json");
        await Open311Data.AssertValid("service-definition.json", response);
        var definition = await Open311Data.Json(response);
        Assert.Equal(Open311Data.ItemCode, definition.GetProperty("service_code").GetString());
        Assert.Equal(0, definition.GetProperty("attributes").GetArrayLength());

        var xml = await Open311Data.Xml(await client.GetAsync($"/open311/v2/services/{Open311Data.ItemCode}.xml"));
        Assert.Equal("service_definition", xml.Name.LocalName);
        Assert.Equal(Open311Data.ItemCode, xml.Element("service_code")!.Value);
        Assert.NotNull(xml.Element("attributes"));

        Assert.Equal("服务类别不存在或已停用。", await Open311Data.Error(await client.GetAsync("/open311/v2/services/0000.json"), 404));
        await Open311Data.Error(await client.GetAsync($"/open311/v2/services/{Open311Data.RetiredItemCode}.json"), 404);
        var error = await client.GetAsync("/open311/v2/services/0000.xml");
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        var errors = await Open311Data.Xml(error);
        Assert.Equal("errors", errors.Name.LocalName);
        Assert.Equal("404", errors.Element("error")!.Element("code")!.Value);
        Assert.Equal("No such service, or it is retired.",
            (await Open311Data.Json(await client.GetAsync("/open311/v2/services/0000.json?culture=en")))[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_schema_check_rejects_what_the_spec_forbids()
    {
        // Guards the contract tests above: a validator that passed everything would make them worthless.
        Assert.NotEmpty(await Open311Data.SchemaErrors("services.json", """[{"service_code":"1","service_name":"x","type":"weekly"}]"""));
        Assert.NotEmpty(await Open311Data.SchemaErrors("requests.json",
            """[{"service_request_id":"1","status":"pending","service_code":"1","requested_datetime":"yesterday"}]"""));
        Assert.Empty(await Open311Data.SchemaErrors("requests.json",
            """[{"service_request_id":"1","status":"open","service_code":"1","requested_datetime":"2026-11-23T10:00:00+08:00","lat":null}]"""));
    }
}
