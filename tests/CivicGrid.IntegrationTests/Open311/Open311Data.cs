using System.Text.Json;
using System.Xml.Linq;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;

namespace CivicGrid.IntegrationTests.Open311;

/// <summary>What the Open311 tests share: a catalog of their own, the channel account, the form, and the schema check.</summary>
static class Open311Data
{
    // Codes of our own: the default catalog (whatever it holds) never uses category 99.
    public const string ItemCode = "9901", ItemName = "测试井盖缺失", CategoryName = "测试市政设施", RetiredItemCode = "9902";

    public static async Task Catalog(TestApp app)
    {
        await using var db = app.Db();
        if (await db.CatalogCategories.AnyAsync(c => c.Code == "99")) return;
        db.CatalogCategories.Add(new CatalogCategory { Code = "99", Name = CategoryName, Order = 99 });
        db.CatalogItems.Add(Item(ItemCode, ItemName, retired: false));
        db.CatalogItems.Add(Item(RetiredItemCode, "测试已停用事项", retired: true));
        await db.SaveChangesAsync();
    }

    static CatalogItem Item(string code, string name, bool retired) => new()
    {
        Code = code, CategoryCode = "99", Name = name, LeadDuty = "城管", CooperatingDuties = ["住建"],
        ResponseLimit = TimeLimit.Parse("4h"), HandlingLimit = TimeLimit.Parse("3d"), Retired = retired,
    };

    /// <summary>The channel account behind <see cref="TestApp.Open311ApiKey"/> (or another configured key), created once per app.</summary>
    public static async Task Channel(TestApp app, string userName = TestApp.Open311UserName, string role = Roles.Resident)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        if (await users.FindByNameAsync(userName) is not null) return;
        var account = new Account { Id = Guid.NewGuid(), UserName = userName, DisplayName = "测试第三方应用" };
        Assert.True((await users.CreateAsync(account, A.Password)).Succeeded);
        await users.AddToRoleAsync(account, role);
    }

    public static (double Lon, double Lat) PointIn(Area grid)
    {
        var p = grid.Boundary!.InteriorPoint;
        return (p.X, p.Y);
    }

    public static Dictionary<string, string> Form(Area grid, string description = "人行道井盖缺失，夜间有安全隐患。", string apiKey = TestApp.Open311ApiKey)
    {
        var (lon, lat) = PointIn(grid);
        return new()
        {
            ["api_key"] = apiKey, ["service_code"] = ItemCode, ["lat"] = lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["long"] = lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture), ["address_string"] = "测试路12号东侧",
            ["description"] = description,
        };
    }

    public static Task<HttpResponseMessage> Submit(HttpClient client, Dictionary<string, string> form, string format = "json", string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = new FormUrlEncodedContent(form) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    /// <summary>Files a request and returns its service_request_id (the case number).</summary>
    public static async Task<string> Filed(HttpClient client, Area grid, string? description = null)
    {
        var response = await Submit(client, description is null ? Form(grid) : Form(grid, description));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement[0].GetProperty("service_request_id").GetString()!;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response, string contentType = "application/json")
    {
        Assert.Equal(contentType, response.Content.Headers.ContentType?.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<XElement> Xml(HttpResponseMessage response)
    {
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.ToString());
        return XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
    }

    /// <summary>The one Open311 error of an error answer: its HTTP status must match the body's code.</summary>
    public static async Task<string> Error(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        var body = await Json(response);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.Equal(status, body[0].GetProperty("code").GetInt32());
        return body[0].GetProperty("description").GetString()!;
    }

    /// <summary>Validates a JSON answer against one of the GeoReport v2 schemas; the failures, empty when valid.</summary>
    public static async Task<List<string>> SchemaErrors(string schema, string json)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Open311", "Schemas", schema);
        var parsed = await JsonSchema.FromFileAsync(file);
        return parsed.Validate(json).Select(e => e.ToString()).ToList();
    }

    public static async Task AssertValid(string schema, HttpResponseMessage response)
    {
        var json = await response.Content.ReadAsStringAsync();
        var errors = await SchemaErrors(schema, json);
        Assert.True(errors.Count == 0, $"{schema}: {string.Join("; ", errors)}\n{json}");
    }
}
