using System.Net;
using System.Net.Http.Json;
using CivicGrid.IntegrationTests.Cases;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.CoBuilding.Jobs;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static CivicGrid.IntegrationTests.CoBuilding.CoBuildingWorld;

namespace CivicGrid.IntegrationTests.CoBuilding;

/// <summary>
/// A project's life with the fake clock: claimed, planned, reported on with a photo, milestones flagged late by the
/// sweep exactly once, completed with proof and evaluated. The clock only moves forward, so this class holds one story
/// per provider.
/// </summary>
public sealed class MilestoneSweepTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Late_milestones_are_flagged_once_and_done_ones_never(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var w = await CreateAsync(app);
        var sweep = app.Services.GetRequiredService<MilestoneSweep>();
        var start = app.Clock.GetUtcNow();
        var project = await Ok<ProjectDetailDto>(await w.CommunityA.PostAsJsonAsync("/api/cobuilding/projects", new
        {
            areaCode = w.District.CommunityA.AreaCode, year = 2026, title = "口袋公园共建", category = "venue", description = "改造闲置空地",
        }));
        var id = project.Project.Id;
        // Unit 4 belongs to no alliance here: it cannot see, let alone claim, the project.
        Assert.Equal(HttpStatusCode.NotFound, (await w.U4.PostAsJsonAsync($"/api/cobuilding/projects/{id}/claim", new { })).StatusCode);
        await Ok<ProjectDetailDto>(await w.U1.PostAsJsonAsync($"/api/cobuilding/projects/{id}/claim", new { }));
        Assert.Equal("cobuilding.project_taken", await (await w.U2.PostAsJsonAsync($"/api/cobuilding/projects/{id}/claim", new { })).ProblemCode());
        var planned = await Ok<ProjectDetailDto>(await w.U1.PutAsJsonAsync($"/api/cobuilding/projects/{id}/plan", new
        {
            plan = "先设计后施工",
            milestones = new[]
            {
                new { title = "方案设计", due = start.AddDays(2) },
                new { title = "施工完成", due = start.AddDays(10) },
                new { title = "验收", due = start.AddDays(20) },
            },
        }));
        var (design, build, accept) = (planned.Milestones[0], planned.Milestones[1], planned.Milestones[2]);
        // Unit 2 is a member too and sees the project, but it is not theirs to report on.
        Assert.Equal("cobuilding.project_not_yours", await (await w.U2.PostAsJsonAsync($"/api/cobuilding/projects/{id}/progress", new { text = "x" })).ProblemCode());

        async Task<ProjectDetailDto> At(DateTimeOffset now)
        {
            app.Clock.SetUtcNow(now);
            await sweep.RunOnceAsync(CancellationToken.None);
            var staff = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(w.District.CommunityA)));
            return await staff.Get<ProjectDetailDto>($"/api/cobuilding/projects/{id}");
        }

        var early = await At(start.AddDays(1));
        Assert.All(early.Milestones, m => Assert.Null(m.LateFlaggedAt));

        var late = await At(start.AddDays(3));
        Assert.NotNull(late.Milestones.Single(m => m.Id == design.Id).LateFlaggedAt);
        Assert.Equal(1, late.Project.MilestonesLate);

        // The unit reports the design done (late) with a photo, and building done before its due time.
        var unit = await app.ClientFor(await A.Account(app, Roles.CoBuildingUnit, A.UnitScope(w.Unit1.Id)));
        var photo = await CaseWorld.UploadPngAsync(unit);
        var reported = await Ok<ProjectDetailDto>(await unit.PostAsJsonAsync($"/api/cobuilding/projects/{id}/progress",
            new { text = "设计方案已定稿", milestoneDone = design.Id, photoIds = new[] { photo } }));
        var entry = reported.Entries.Single(e => e.Kind == ProjectEntryKind.Progress);
        Assert.Equal(HttpStatusCode.OK, (await unit.GetAsync(Assert.Single(entry.Photos).Url)).StatusCode);
        await Ok<ProjectDetailDto>(await unit.PostAsJsonAsync($"/api/cobuilding/projects/{id}/progress", new { text = "施工完成", milestoneDone = build.Id }));

        // Later sweeps: building was done in time, acceptance falls late once; nothing is flagged twice.
        await At(start.AddDays(12));
        var after = await At(start.AddDays(25));
        await At(start.AddDays(26));
        var final = await At(start.AddDays(27));
        Assert.Null(final.Milestones.Single(m => m.Id == build.Id).LateFlaggedAt);
        Assert.Equal(after.Milestones.Single(m => m.Id == accept.Id).LateFlaggedAt, final.Milestones.Single(m => m.Id == accept.Id).LateFlaggedAt);
        var flags = final.Entries.Where(e => e.Kind == ProjectEntryKind.MilestoneLate).Select(e => e.MilestoneId).ToList();
        Assert.Equal([design.Id, accept.Id], flags);
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));

        // Completion needs proof; then the committee scores the unit. (Sign-ins last 8 hours of the fake clock.)
        unit = await app.ClientFor(await A.Account(app, Roles.CoBuildingUnit, A.UnitScope(w.Unit1.Id)));
        Assert.Equal("cobuilding.proof_required", await (await unit.PostAsJsonAsync($"/api/cobuilding/projects/{id}/complete", new { text = "完工" })).ProblemCode());
        var proof = await CaseWorld.UploadPngAsync(unit);
        await Ok<ProjectDetailDto>(await unit.PostAsJsonAsync($"/api/cobuilding/projects/{id}/complete", new { text = "已完工并验收", photoIds = new[] { proof } }));
        var staff = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(w.District.CommunityA)));
        // A unit does not score itself.
        Assert.Equal(HttpStatusCode.Forbidden, (await unit.PostAsJsonAsync($"/api/cobuilding/projects/{id}/evaluate", new { score = 100 })).StatusCode);
        Assert.Equal("cobuilding.score_invalid", await (await staff.PostAsJsonAsync($"/api/cobuilding/projects/{id}/evaluate", new { score = 101 })).ProblemCode());
        var evaluated = await Ok<ProjectDetailDto>(await staff.PostAsJsonAsync($"/api/cobuilding/projects/{id}/evaluate", new { score = 92, comment = "按期高质量完成" }));
        Assert.Equal((ProjectStatus.Evaluated, 92), (evaluated.Project.Status, evaluated.Project.Score));

        // Another member unit sees on its board that the project is taken, but not the claimant's plan, photos or score.
        var other = await app.ClientFor(await A.Account(app, Roles.CoBuildingUnit, A.UnitScope(w.Unit2.Id)));
        var board = Assert.Single(await other.Get<List<ProjectDto>>("/api/cobuilding/projects"), p => p.Id == id);
        Assert.Equal((ProjectStatus.Evaluated, w.Unit1.Id, null), (board.Status, board.ClaimedByUnitId, board.Score));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/cobuilding/projects/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Assert.Single(entry.Photos).Url)).StatusCode);
        Assert.Equal(92, Assert.Single(await unit.Get<List<ProjectDto>>("/api/cobuilding/projects"), p => p.Id == id).Score);
    }
}
