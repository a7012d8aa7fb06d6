using System.Text.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>Every transition's route is in the OpenAPI document, with what it does and every answer it may give.</summary>
public sealed class CaseApiDocsTests(Apps apps) : IClassFixture<Apps>
{
    static readonly string[] Moves =
    [
        "accept", "reject", "dispatch", "whistle", "escalate", "relocate", "sign-for", "start", "handled", "return",
        "extension", "extension/decision", "verify", "close", "rate", "reopen", "supervise", "merge",
    ];

    [Theory, OnSqlite]
    public async Task Every_transition_route_is_documented_with_its_summary_and_answers(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var paths = doc.RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject().Select(p => p.Name)
            .Where(p => p.StartsWith("/api/cases/{id}/", StringComparison.Ordinal) && paths.GetProperty(p).TryGetProperty("post", out _))
            .Select(p => p["/api/cases/{id}/".Length..]).Order().ToList();
        Assert.Equal(Moves.Order(), documented);
        foreach (var move in Moves)
        {
            var post = paths.GetProperty($"/api/cases/{{id}}/{move}").GetProperty("post");
            Assert.False(string.IsNullOrWhiteSpace(post.GetProperty("summary").GetString()), move);
            Assert.True(post.TryGetProperty("requestBody", out _), move);
            var answers = post.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order().ToList();
            Assert.Equal(["200", "403", "404", "409", "422"], answers);
        }
    }
}
