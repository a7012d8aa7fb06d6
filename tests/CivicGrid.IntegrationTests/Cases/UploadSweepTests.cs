using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Cases.Jobs;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// Uploads nobody attached (an abandoned report, a refused form) are refused after a day and then deleted, row and
/// bytes; attached ones and recent ones stay.
/// </summary>
public sealed class UploadSweepTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task An_upload_left_unattached_for_a_day_is_refused_then_deleted_with_its_bytes(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider); // its own clock: this test moves a day on
        var w = await CaseWorld.CreateAsync(app);
        var resident = await A.Account(app, Roles.Resident);
        var me = await app.ClientFor(resident);
        var left = await UploadPngAsync(me);
        var used = await UploadPngAsync(me);
        var photo = new { itemCode = w.Item.Code, description = "井盖缺失", longitude = w.Point.Lon, latitude = w.Point.Lat, photoIds = new[] { used } };
        Assert.Equal(HttpStatusCode.Created, (await me.PostAsJsonAsync("/api/cases", photo)).StatusCode);

        app.Clock.Advance(Upload.Keep + TimeSpan.FromMinutes(1));
        me = await app.ClientFor(resident); // sign-ins last eight hours
        var fresh = await UploadPngAsync(me);
        var late = await me.PostAsJsonAsync("/api/cases", photo with { photoIds = new[] { left } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Equal("case.upload_unknown", await late.ProblemCode());

        var keys = await KeysAsync(app);
        Assert.Equal(1, await app.Services.GetRequiredService<UploadSweep>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await app.Services.GetRequiredService<UploadSweep>().RunOnceAsync(CancellationToken.None));

        await using var db = app.Db();
        var stay = await db.Uploads.Where(u => u.Id == left || u.Id == used || u.Id == fresh).Select(u => u.Id).ToListAsync();
        Assert.Equal(new HashSet<Guid> { used, fresh }, stay.ToHashSet());
        var store = app.Services.GetRequiredService<IFileStore>();
        Assert.Null(await store.OpenAsync(keys[left], CancellationToken.None));
        await using (var kept = await store.OpenAsync(keys[used], CancellationToken.None)) Assert.NotNull(kept);
        await using (var kept = await store.OpenAsync(keys[fresh], CancellationToken.None)) Assert.NotNull(kept);
    }

    static async Task<Dictionary<Guid, string>> KeysAsync(TestApp app)
    {
        await using var db = app.Db();
        return await db.Uploads.ToDictionaryAsync(u => u.Id, u => u.StorageKey);
    }
}
