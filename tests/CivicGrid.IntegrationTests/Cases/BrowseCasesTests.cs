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

    [Theory, OnSqlite, OnPostgres]
    public async Task The_later_queues_hold_each_case_while_it_waits_there_and_let_it_go(DatabaseProvider provider)
    {
        var w = await CaseWorld.CreateAsync(await apps.For(provider));
        async Task<List<string>> Numbers(HttpClient who, string queue) =>
            (await who.Get<PagedDto<CaseDto>>($"/api/cases?queue={queue}&pageSize=100")).Items.Select(c => c.Number).ToList();
        // A phone case taken by the community: rated on a return visit, so it passes through ToRate too.
        var c = await w.ReportAsync(w.CommunityA, new
        {
            itemCode = w.Item.Code, description = "楼道灯坏了", longitude = w.Point.Lon, latitude = w.Point.Lat, address = "测试路3号",
            source = "Phone", reporterName = "赵女士",
        });
        var (id, number) = (c.Case.Id, c.Case.Number);
        await Move(w.CommunityA, id, "accept");
        await Move(w.CommunityA, id, "dispatch", new { leadUnitId = w.Cityscape.Id });
        await Move(w.CityscapeStaff, id, "sign-for");
        await Move(w.CityscapeStaff, id, "start");

        await Move(w.CityscapeStaff, id, "extension", new { days = 2, reason = "等待配件" });
        Assert.Equal([number], await Numbers(w.CommunityA, "Extensions"));
        await Move(w.CommunityA, id, "extension/decision", new { grant = true });
        Assert.Empty(await Numbers(w.CommunityA, "Extensions"));

        Assert.Empty(await Numbers(w.CommunityA, "Supervised"));
        await Move(w.Street1, id, "supervise", new { comment = "请加快处理" });
        Assert.Equal([number], await Numbers(w.CommunityA, "Supervised"));
        Assert.Equal([number], await Numbers(w.CityscapeStaff, "Supervised"));
        Assert.Empty(await Numbers(w.CommunityB, "Supervised")); // not theirs

        Assert.Empty(await Numbers(w.GridWorker, "ToVerify"));
        await Move(w.CityscapeStaff, id, "handled", new { comment = "已更换灯具" });
        Assert.Equal([number], await Numbers(w.GridWorker, "ToVerify"));
        Assert.Empty(await Numbers(w.CommunityB, "ToVerify"));

        await Move(w.GridWorker, id, "verify", new { passed = true, comment = "已亮" });
        Assert.Empty(await Numbers(w.GridWorker, "ToVerify"));
        Assert.Equal([number], await Numbers(w.CommunityA, "ToClose"));

        await Move(w.CommunityA, id, "close", new { solved = true });
        Assert.Empty(await Numbers(w.CommunityA, "ToClose"));
        Assert.Empty(await Numbers(w.CommunityA, "Supervised")); // closed: nothing left to supervise
        Assert.Equal([number], await Numbers(w.CommunityA, "ToRate"));

        await Move(w.CommunityA, id, "rate", new { rating = "Satisfied", comment = "回访满意" });
        Assert.Empty(await Numbers(w.CommunityA, "ToRate"));
    }
}
