using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>Work queues and their counts (BrowseCases.CountAsync / ListAsync, shared by the routes and the console).</summary>
public sealed class BrowseCasesTests(Apps apps) : IClassFixture<Apps>
{
    sealed record QueueCountDto(string Queue, int Count);

    [Theory, OnSqlite, OnPostgres]
    public async Task A_case_moves_through_the_queues_of_the_community_and_the_department(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        async Task<Dictionary<string, int>> Counts(HttpClient who) =>
            (await who.Get<List<QueueCountDto>>("/api/cases/queues")).ToDictionary(q => q.Queue, q => q.Count);
        async Task<List<string>> Numbers(HttpClient who, string queue) =>
            (await who.Get<PagedDto<CaseDto>>($"/api/cases?queue={queue}")).Items.Select(c => c.Number).ToList();

        var c = await w.ReportAsync();
        var id = c.Case.Id;
        Assert.Equal(
            ["ToAccept", "ToDispatch", "Returned", "Extensions", "ToClose", "ToRate", "ToVerify", "ToSignFor", "Handling", "Overdue", "Supervised", "Mine"],
            (await Counts(w.CommunityA)).Keys);
        Assert.Equal(["ToSignFor", "Handling", "Overdue", "Supervised", "Mine"], (await Counts(w.CityscapeStaff)).Keys);
        Assert.Equal((1, 0), ((await Counts(w.CommunityA))["ToAccept"], (await Counts(w.CommunityA))["ToDispatch"]));
        Assert.Equal([c.Case.Number], await Numbers(w.CommunityA, "ToAccept"));
        Assert.Equal(0, (await Counts(w.Street1))["ToAccept"]); // a community-level case waits in the community's queue

        await Move(w.CommunityA, id, "accept");
        await Move(w.CommunityA, id, "dispatch", new { leadUnitId = w.Cityscape.Id });
        Assert.Equal((0, 0), ((await Counts(w.CommunityA))["ToAccept"], (await Counts(w.CommunityA))["ToDispatch"]));
        Assert.Equal(1, (await Counts(w.CityscapeStaff))["ToSignFor"]);
        Assert.Equal([c.Case.Number], await Numbers(w.CityscapeStaff, "ToSignFor"));

        await Move(w.CityscapeStaff, id, "return", new { comment = "非本单位职责" });
        var community = await Counts(w.CommunityA);
        Assert.Equal((1, 1), (community["Returned"], community["ToDispatch"]));
        Assert.Equal([c.Case.Number], await Numbers(w.CommunityA, "Returned"));
        Assert.Equal(0, (await Counts(w.CityscapeStaff))["ToSignFor"]);

        await Move(w.CommunityA, id, "dispatch", new { leadUnitId = w.Cityscape.Id });
        await Move(w.CityscapeStaff, id, "sign-for");
        var department = await Counts(w.CityscapeStaff);
        Assert.Equal((0, 1), (department["ToSignFor"], department["Handling"]));
        Assert.Equal(0, (await Counts(w.CommunityA))["Returned"]);
    }
}
