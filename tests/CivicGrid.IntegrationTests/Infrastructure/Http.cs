using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CivicGrid.IntegrationTests.Infrastructure;

public static class Http
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> Get<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    public static async Task<HttpStatusCode> StatusOf(this HttpClient client, HttpMethod method, string url, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        return (await client.SendAsync(request)).StatusCode;
    }

    /// <summary>The stable error code of a problem+json response.</summary>
    public static async Task<string?> ProblemCode(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}

public sealed record PagedDto<T>(int Total, int Page, int PageSize, List<T> Items);
public sealed record ResidentDto(Guid Id, string Name, string IdCard, string? Phone, string AreaCode, Guid? HouseholdId, string[] Tags);
public sealed record HouseholdDto(Guid Id, string Address, string AreaCode, int Members);
public sealed record HouseholdDetailDto(HouseholdDto Household, List<ResidentDto> Members);
public sealed record NodeDto(string Code, string Name, string Level, string? ParentCode, bool Retired, int Version, CountsDto Counts);
public sealed record CountsDto(int Grids, int Buildings, int Households, int Residents);
