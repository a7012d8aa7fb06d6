using System.Threading.Channels;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Live;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// Live updates across instances (docs/adr/0009): two app instances on one PostgreSQL database, as behind a load
/// balancer. A case reported through one reaches the queues open on the other — the hub's clients and the console's
/// feed — at once, and only the people whose scope holds it.
/// </summary>
public sealed class LiveUpdatesTests
{
    sealed record Change(Guid CaseId, string Number);

    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory, OnPostgres]
    public async Task A_case_reported_through_one_instance_reaches_the_queues_open_on_another(DatabaseProvider provider)
    {
        await using var first = await TestApp.StartAsync(provider);
        var w = await CaseWorld.CreateAsync(first);
        await using var second = first.Peer();
        var (hubA, seenA) = await ListenAsync(second, await A.Account(first, Roles.CommunityStaff, A.AreaScope(w.District.CommunityA)));
        var (hubB, seenB) = await ListenAsync(second, await A.Account(first, Roles.CommunityStaff, A.AreaScope(w.District.CommunityB)));
        var feed = Channel.CreateUnbounded<CaseChange>();
        second.Services.GetRequiredService<CaseFeed>().Changed += c => feed.Writer.TryWrite(c);

        var inA = await w.ReportAsync(); // through the first instance
        var inB = await w.ReportAsync(body: BodyIn(w, w.District.GridsOf(w.District.CommunityB).First()));

        var heardByA = await seenA.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(inA.Case.Number, heardByA.Number);
        // Community B's staff hear their own case first: community A's, sent before it, never reached them.
        var heardByB = await seenB.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(inB.Case.Number, heardByB.Number);
        var onConsole = await feed.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(inA.Case.Id, onConsole.CaseId);
        Assert.True(onConsole.FromOtherInstance);

        // And back: a move made through the second instance reaches the first.
        var firstFeed = Channel.CreateUnbounded<CaseChange>();
        first.Services.GetRequiredService<CaseFeed>().Changed += c => { if (c.FromOtherInstance) firstFeed.Writer.TryWrite(c); };
        var staffOnSecond = await second.ClientFor(await A.Account(first, Roles.CommunityStaff, A.AreaScope(w.District.CommunityA)));
        await CaseWorld.Move(staffOnSecond, inA.Case.Id, "accept");
        var back = await firstFeed.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal((inA.Case.Id, Modules.Cases.Domain.CaseAction.Accept), (back.CaseId, back.Action));

        await hubA.DisposeAsync();
        await hubB.DisposeAsync();
    }

    static object BodyIn(CaseWorld w, Modules.Areas.Domain.Area grid) => new
    {
        itemCode = w.Item.Code, description = "楼道堆放杂物，影响通行", longitude = grid.Boundary!.Centroid.X, latitude = grid.Boundary.Centroid.Y,
        address = "测试路2号",
    };

    static async Task<(HubConnection, Channel<Change>)> ListenAsync(TestApp app, string userName)
    {
        var token = (await app.ClientFor(userName)).DefaultRequestHeaders.Authorization!.Parameter;
        var hub = new HubConnectionBuilder().WithUrl(new Uri(app.Server.BaseAddress, CaseHub.Path), o =>
        {
            o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
            o.Transports = HttpTransportType.LongPolling;
            o.AccessTokenProvider = () => Task.FromResult(token);
        }).Build();
        var seen = Channel.CreateUnbounded<Change>();
        hub.On<Change>("caseChanged", c => seen.Writer.TryWrite(c));
        await hub.StartAsync();
        return (hub, seen);
    }
}
