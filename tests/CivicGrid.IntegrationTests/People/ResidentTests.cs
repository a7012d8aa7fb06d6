using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.People;

/// <summary>Personal data: encrypted at rest, masked in every list, revealed only to permitted roles, and every reveal logged.</summary>
public sealed partial class ResidentTests(Apps apps) : IClassFixture<Apps>
{
    [GeneratedRegex(@"^\d{4}\*{10}[\dX]{4}$")] private static partial Regex MaskedId();
    [GeneratedRegex(@"^1\d{2}\*{4}\d{4}$")] private static partial Regex MaskedPhone();

    [Theory, OnSqlite, OnPostgres]
    public async Task Lists_show_masked_values_and_the_database_holds_no_clear_text(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider, Roles.CommunityStaff);
        var list = await client.Get<PagedDto<ResidentDto>>("/api/residents?pageSize=200");
        Assert.NotEmpty(list.Items);
        Assert.All(list.Items, r => Assert.Matches(MaskedId(), r.IdCard));
        Assert.All(list.Items, r => Assert.Matches(MaskedPhone(), r.Phone!));

        var someone = d.ResidentsOf(d.CommunityA).First();
        await using var db = app.Db();
        var stored = await db.Residents.SingleAsync(r => r.Id == someone.Entity.Id);
        var bytes = System.Text.Encoding.UTF8.GetBytes(someone.IdCard);
        Assert.False(stored.IdCardCipher.AsSpan().IndexOf(bytes) >= 0, "the ID number is stored in clear text");
        Assert.DoesNotContain(someone.IdCard, stored.IdCardHash);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Reveal_returns_full_values_and_is_logged(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider, Roles.CommunityStaff);
        var someone = d.ResidentsOf(d.CommunityA).First();
        var response = await client.PostAsJsonAsync($"/api/residents/{someone.Entity.Id}/reveal", new { reason = "上门走访核对" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var revealed = await response.Content.ReadFromJsonAsync<RevealDto>();
        Assert.Equal(someone.IdCard, revealed!.IdCard);
        Assert.Equal(someone.Phone, revealed.Phone);

        await using var db = app.Db();
        var log = await db.PersonalDataAccesses.Where(a => a.ResidentId == someone.Entity.Id).ToListAsync();
        var entry = Assert.Single(log);
        Assert.Equal("上门走访核对", entry.Reason);
        Assert.Equal("id_card,phone", entry.Fields);
        Assert.Equal(app.Clock.GetUtcNow(), entry.At);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Roles_without_reveal_permission_are_refused_and_nothing_is_logged(DatabaseProvider provider)
    {
        var (app, d, _) = await Arrange(provider, Roles.CommunityStaff);
        var someone = d.ResidentsOf(d.CommunityA).First();
        foreach (var role in new[] { Roles.BuildingLeader, Roles.Leader })
        {
            var client = await app.ClientFor(await A.Account(app, role, A.AreaScope(d.CommunityA)));
            var response = await client.PostAsJsonAsync($"/api/residents/{someone.Entity.Id}/reveal", new { reason = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        await using var db = app.Db();
        Assert.False(await db.PersonalDataAccesses.AnyAsync(a => a.ResidentId == someone.Entity.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Search_by_last_four_digits_and_by_full_phone(DatabaseProvider provider)
    {
        var (_, d, client) = await Arrange(provider, Roles.CommunityStaff);
        var someone = d.ResidentsOf(d.CommunityA).First();
        var byTail = await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={someone.IdCard[^4..]}");
        Assert.Contains(byTail.Items, r => r.Id == someone.Entity.Id);
        var byPhone = await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={someone.Phone}");
        Assert.Equal(someone.Entity.Id, Assert.Single(byPhone.Items).Id);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Register_validates_input_and_refuses_a_second_registration(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider, Roles.CommunityStaff);
        var household = d.Households.First(h => h.AreaCode.StartsWith(d.CommunityA.AreaCode));
        var id = A.IdCard(900_000 + (int)provider);
        object Body(string idCard, string? phone = "13900001111", string[]? tags = null) =>
            new { householdId = household.Id, name = "新居民", idCard, phone, residenceType = "Floating", tags };

        var badChecksum = id[..17] + (id[17] == '0' ? '1' : '0');
        await AssertProblem(client, Body(badChecksum), "resident.id_card_invalid");
        await AssertProblem(client, Body(id, phone: "12345"), "resident.phone_invalid");
        await AssertProblem(client, Body(id, tags: ["not_a_tag"]), "resident.tag_unknown");

        var created = await client.PostAsJsonAsync("/api/residents", Body(id.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var again = await client.PostAsJsonAsync("/api/residents", Body(id));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("resident.id_card_taken", await again.ProblemCode());

        await using var db = app.Db();
        Assert.Equal(1, await db.Residents.CountAsync(r => r.HouseholdId == household.Id && r.Name == "新居民"));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Register_into_another_communitys_household_is_refused(DatabaseProvider provider)
    {
        var (_, d, client) = await Arrange(provider, Roles.CommunityStaff);
        var foreign = d.Households.First(h => h.AreaCode.StartsWith(d.CommunityB.AreaCode));
        var response = await client.PostAsJsonAsync("/api/residents",
            new { householdId = foreign.Id, name = "越权", idCard = A.IdCard(910_000 + (int)provider), residenceType = "Registered" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("resident.household_missing", await response.ProblemCode());
    }

    static async Task AssertProblem(HttpClient client, object body, string code)
    {
        var response = await client.PostAsJsonAsync("/api/residents", body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(code, await response.ProblemCode());
    }

    async Task<(TestApp, TestDistrict, HttpClient)> Arrange(DatabaseProvider provider, string role)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        return (app, d, await app.ClientFor(await A.Account(app, role, A.AreaScope(d.CommunityA))));
    }

    sealed record RevealDto(Guid Id, string Name, string IdCard, string? Phone);
}
