using System.Net;
using System.Net.Http.Headers;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Modules.People.Features;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CivicGrid.IntegrationTests.People;

/// <summary>
/// Excel import over HTTP: upload, poll the job, read the error workbook, find the imported residents. The uploader is
/// community staff of community A; community B's grids exist but are outside their scope.
/// </summary>
public sealed class ImportResidentsTests(Apps apps) : IClassFixture<Apps>
{
    static int _ids;

    [Theory, OnSqlite, OnPostgres]
    public async Task Good_file_imports_all_rows_searchable_by_full_id_and_masked(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider);
        var grid = d.GridsOf(d.CommunityA).First();
        var existing = d.Households.First(h => h.AreaCode == grid.AreaCode);
        // 1,200 rows: three people per room of a new building (400 households), crossing two progress steps.
        var rows = Enumerable.Range(0, 1200).Select(i => Row(grid.AreaCode, "7号楼", $"{i / 3 % 4 + 1}单元", $"{i / 12 + 101}", $"导入居民{i}", NewId(),
            i % 2 == 0 ? $"137{i:D8}" : null, i % 3 == 0 ? "户籍" : "流动", i % 3 == 0 ? "户主" : "子女", i % 5 == 0 ? "独居老人、党员" : null)).ToList();
        rows.Add(Row(grid.AreaCode, "1号楼", "1单元", existing.RoomNo, "老住户新成员", NewId(), null, "常住", "配偶", null));

        var response = await Upload(client, Workbook(rows));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.NotNull(response.Headers.Location);
        var (job, seen) = await Finish(client, response.Headers.Location!.OriginalString);

        Assert.Equal(("Succeeded", 1201, 1201, 1201, 0), (job.Status, job.TotalRows, job.ProcessedRows, job.AcceptedRows, job.RejectedRows));
        Assert.Null(job.ErrorsUrl);
        Assert.All(seen.Where(s => s.TotalRows > 0), s => Assert.InRange(s.ProcessedRows, 0, s.TotalRows));
        Assert.Equal(seen.Select(s => s.ProcessedRows).Order(), seen.Select(s => s.ProcessedRows));

        foreach (var i in new[] { 0, 7, 1199 })
        {
            var id = (string)rows[i][ImportColumns.IdCard]!;
            var found = await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={id}");
            var resident = Assert.Single(found.Items);
            Assert.Equal($"导入居民{i}", resident.Name);
            Assert.Equal(IdCardNumber.Mask(id), resident.IdCard);
            Assert.Equal(grid.AreaCode, resident.AreaCode);
        }
        var tagged = await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={rows[5][ImportColumns.IdCard]}");
        Assert.Equal(["elderly_alone", "party_member"], tagged.Items.Single().Tags.Order());
        var joined = await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={rows[^1][ImportColumns.IdCard]}");
        Assert.Equal(existing.Id, joined.Items.Single().HouseholdId);

        // Found-or-created: one new building, one household per (unit, room), the existing building not doubled.
        await using var db = app.Db();
        var buildings = await db.Buildings.Where(b => b.AreaCode == grid.AreaCode).ToListAsync();
        Assert.Equal(["1号楼", "7号楼"], buildings.Select(b => b.Name).Order());
        var newBuilding = buildings.Single(b => b.Name == "7号楼").Id;
        Assert.Equal(400, await db.Households.CountAsync(h => h.BuildingId == newBuilding));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Bad_rows_are_listed_with_reasons_and_good_rows_imported(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider);
        var grid = d.GridsOf(d.CommunityA).First().AreaCode;
        var otherCommunityGrid = d.GridsOf(d.CommunityB).First().AreaCode;
        var good = NewId();
        var valid = NewId();
        var badChecksum = valid[..17] + (valid[17] == '1' ? '2' : '1');
        var rows = new List<Dictionary<string, object?>>
        {
            Row(grid, "2号楼", "1单元", "101", "正常甲", NewId(), "13900000001", "户籍", "户主", "退役军人"),  // row 2
            Row(grid, "9号楼", "1单元", "101", "校验位错", badChecksum, null, "户籍", null, null),            // row 3
            Row(grid, "2号楼", "1单元", "102", "手机错", NewId(), "12345", "常住", null, null),                // row 4
            Row(d.CommunityA.AreaCode + "099", "2号楼", "", "103", "网格不存在", NewId(), null, "户籍", null, null), // row 5
            Row(otherCommunityGrid, "2号楼", "", "104", "别的社区", NewId(), null, "户籍", null, null),       // row 6
            Row(grid, "2号楼", "2单元", "201", "正常乙", good, null, "流动", "户主", null),                    // row 7
            Row(grid, "2号楼", "2单元", "202", "重复号", good, null, "流动", "户主", null),                    // row 8
            Row(grid, "2号楼", "2单元", "203", "标签错", NewId(), null, "户籍", null, "党员、五好家庭"),       // row 9
            Row(grid, "2号楼", "2单元", "204", "已登记", d.Residents[0].IdCard, null, "户籍", null, null),    // row 10
            Row(grid, "2号楼", "2单元", "205", "正常丙", NewId(), null, "常住", "户主", "低保户"),              // row 11
        };

        var response = await Upload(client, Workbook(rows));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var (job, _) = await Finish(client, response.Headers.Location!.OriginalString);

        Assert.Equal(("Succeeded", 10, 10, 3, 7), (job.Status, job.TotalRows, job.ProcessedRows, job.AcceptedRows, job.RejectedRows));
        var errors = await client.GetAsync(job.ErrorsUrl);
        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
        var rejected = (await errors.Content.ReadAsStreamAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object>>()
            .ToDictionary(r => Convert.ToInt32(r["行号"]), r => r);
        Assert.Equal([3, 4, 5, 6, 8, 9, 10], rejected.Keys.Order());
        Assert.Contains("身份证号码无效", Reason(rejected[3]));
        Assert.Contains("手机号码无效", Reason(rejected[4]));
        Assert.Contains("不在您的管辖范围内", Reason(rejected[5]));
        Assert.Contains("不在您的管辖范围内", Reason(rejected[6]));
        Assert.Contains("与第7行重复", Reason(rejected[8]));
        Assert.Contains("五好家庭", Reason(rejected[9]));
        Assert.Contains("已登记", Reason(rejected[10]));
        foreach (var (number, row) in rejected)
            foreach (var column in ImportColumns.All)
                Assert.Equal(rows[number - 2][column]?.ToString() is { Length: > 0 } v ? v : null, row[column]?.ToString());

        foreach (var name in new[] { "正常甲", "正常乙", "正常丙" })
            Assert.Equal(1, (await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={Uri.EscapeDataString(name)}")).Total);
        Assert.Equal(0, (await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={rows[7][ImportColumns.IdCard]}")).Total);
        await using var db = app.Db();
        // Nothing of a rejected row is written: not its resident, nor the building only it named, nor another community's building.
        Assert.False(await db.Buildings.AnyAsync(b => b.AreaCode == grid && b.Name == "9号楼"));
        Assert.False(await db.Buildings.AnyAsync(b => b.AreaCode == otherCommunityGrid && b.Name == "2号楼"));
        Assert.Equal(1, await db.Residents.CountAsync(r => r.Name == "已登记" || r.Id == d.Residents[0].Entity.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_file_that_is_not_an_import_workbook_is_refused_with_a_stable_code(DatabaseProvider provider)
    {
        var (app, d, _) = await Arrange(provider);
        var user = await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA));
        var client = await app.ClientFor(user);
        var text = "网格代码,姓名\n370303001001001,张三\n"u8.ToArray();
        Assert.Equal("import.file_invalid", await (await Upload(client, text, "residents.csv")).ProblemCode());
        Assert.Equal("import.file_invalid", await (await Upload(client, text, "residents.xlsx")).ProblemCode());
        var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object?> { ["姓名"] = "张三", ["备注"] = "无" } });
        var noColumns = await Upload(client, stream.ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noColumns.StatusCode);
        Assert.Equal("import.columns_missing", await noColumns.ProblemCode());
        await using var db = app.Db();
        Assert.False(await db.ImportJobs.AnyAsync(j => j.AccountName == user));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Another_community_gets_404_on_the_job_and_its_errors(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider);
        var rows = new[] { Row(d.GridsOf(d.CommunityA).First().AreaCode, "3号楼", "", "101", "错号", "123", null, "户籍", null, null) };
        var location = (await Upload(client, Workbook(rows))).Headers.Location!.OriginalString;
        var (job, _) = await Finish(client, location);
        Assert.Equal(("Rejected", 0, 1), (job.Status, job.AcceptedRows, job.RejectedRows));

        var other = await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityB)));
        Assert.Equal(HttpStatusCode.NotFound, await other.StatusOf(HttpMethod.Get, location));
        Assert.Equal(HttpStatusCode.NotFound, await other.StatusOf(HttpMethod.Get, job.ErrorsUrl!));
        var street = await app.ClientFor(await A.Account(app, Roles.StreetStaff, A.AreaScope(d.Street1)));
        Assert.Equal(HttpStatusCode.OK, await street.StatusOf(HttpMethod.Get, location));
        var gridWorker = await app.ClientFor(await A.Account(app, Roles.GridWorker, A.AreaScope(d.GridsOf(d.CommunityA).First())));
        Assert.Equal(HttpStatusCode.Forbidden, await gridWorker.StatusOf(HttpMethod.Get, location));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Template_has_the_chinese_columns_and_a_valid_example_row(DatabaseProvider provider)
    {
        var (_, _, client) = await Arrange(provider);
        var response = await client.GetAsync("/api/residents/import/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(ImportColumns.All, MiniExcel.GetColumns(new MemoryStream(bytes), useHeaderRow: true).ToArray());
        var example = Assert.Single(new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.NotNull(IdCardNumber.Normalize((string)example[ImportColumns.IdCard]));
        Assert.Equal("户籍", example["居住类型"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_job_a_stopped_instance_left_running_is_taken_back_by_another_once_its_heartbeat_is_stale_and_runs_once(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider);
        var grid = d.GridsOf(d.CommunityA).First();
        // The job another instance claimed and then stopped on: Running, its last heartbeat a minute ago.
        var rows = Enumerable.Range(0, 5).Select(i => Row(grid.AreaCode, "8号楼", "2单元", $"{201 + i}", $"接续导入居民{i}", NewId(), null, "户籍", "户主", null)).ToList();
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var job = await LeftRunningAsync(app, client, grid.AreaCode, "8号楼", ImportSheet.Encrypt(Workbook(rows), protector),
            heartbeatAt: app.Clock.GetUtcNow() - TimeSpan.FromMinutes(1), attempts: 0);
        await using var db = app.Db();
        var location = $"/api/residents/import/{job.Id}";

        // A second instance starts: the job's run may still be alive, so it is left alone.
        await using var peer = app.Peer();
        var queue = peer.Services.GetRequiredService<ImportQueue>();
        Assert.Equal(0, await queue.RecoverAsync(CancellationToken.None));
        await Task.Delay(300);
        Assert.Equal("Running", (await client.Get<JobDto>(location)).Status);
        var held = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id); // not even taken and re-claimed
        Assert.Equal((job.RunId, job.HeartbeatAt, 0), (held.RunId, held.HeartbeatAt, held.Attempts));

        // Past the stale limit with no heartbeat, the peer takes it back and runs it to the end.
        peer.Clock.Advance(ImportQueue.StaleAfter + TimeSpan.FromSeconds(30));
        await queue.RecoverAsync(CancellationToken.None); // or the peer's own start-up recovery, if it came later
        var (done, _) = await Finish(client, location);
        Assert.Equal(("Succeeded", 5, 5, 0), (done.Status, done.ProcessedRows, done.AcceptedRows, done.RejectedRows));
        var ran = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == job.Id);
        Assert.Equal((null, 1), (ran.RunId, ran.Attempts));
        foreach (var row in rows)
            Assert.Single((await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={row[ImportColumns.IdCard]}")).Items);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_run_whose_job_was_taken_back_before_its_commit_writes_nothing(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider);
        var grid = d.GridsOf(d.CommunityA).First();
        var processor = app.Services.GetRequiredService<ImportProcessor>();
        var otherRun = Guid.NewGuid();
        var taken = new TaskCompletionSource<Guid>();
        // Just before the commit, another instance takes the job back and claims it (a stalled run, as after a long pause).
        processor.BeforeCommit = async jobId =>
        {
            processor.BeforeCommit = null;
            await using var other = app.Db();
            await other.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.RunId, otherRun));
            taken.SetResult(jobId);
        };
        var rows = Enumerable.Range(0, 3).Select(i => Row(grid.AreaCode, "9号楼", "1单元", $"{101 + i}", $"失手居民{i}", NewId(), null, "户籍", "户主", null)).ToList();
        var lostJob = await Upload(client, Workbook(rows));
        var jobId = await taken.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Jobs run one at a time here: once a later upload has finished, the first run has ended.
        var later = await Upload(client, Workbook([Row(grid.AreaCode, "9号楼", "2单元", "201", "后来居民", NewId(), null, "户籍", "户主", null)]));
        Assert.Equal("Succeeded", (await Finish(client, later.Headers.Location!.OriginalString)).Job.Status);

        var job = await client.Get<JobDto>(lostJob.Headers.Location!.OriginalString);
        Assert.Equal(("Running", 0), (job.Status, job.AcceptedRows)); // the other run's to finish
        await using var db = app.Db();
        Assert.Equal(otherRun, (await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId)).RunId);
        Assert.NotNull(await db.ImportFiles.Where(f => f.JobId == jobId).Select(f => f.UploadCipher).SingleAsync()); // still there to run
        foreach (var row in rows)
            Assert.Empty((await client.Get<PagedDto<ResidentDto>>($"/api/residents?q={row[ImportColumns.IdCard]}")).Items);
        Assert.False(await db.Buildings.AnyAsync(b => b.AreaCode == grid.AreaCode && b.Name == "9号楼" && db.Households.Any(h => h.BuildingId == b.Id && h.RoomNo == "101")));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_job_that_stopped_its_runs_too_often_is_failed_rather_than_run_again(DatabaseProvider provider)
    {
        var (app, d, client) = await Arrange(provider);
        var grid = d.GridsOf(d.CommunityA).First();
        var job = await LeftRunningAsync(app, client, grid.AreaCode, "10号楼", [1, 2, 3],
            heartbeatAt: app.Clock.GetUtcNow() - ImportQueue.StaleAfter - TimeSpan.FromSeconds(1), attempts: ImportQueue.MaxAttempts);
        await using var db = app.Db();

        Assert.Equal(0, await app.Services.GetRequiredService<ImportQueue>().RecoverAsync(CancellationToken.None));
        var failed = await client.Get<JobDto>($"/api/residents/import/{job.Id}");
        Assert.Equal(("Failed", ImportQueue.StoppedTooOften), (failed.Status, failed.FailureReason));
        db.ChangeTracker.Clear();
        Assert.Null(await db.ImportFiles.Where(f => f.JobId == job.Id).Select(f => f.UploadCipher).SingleAsync());
    }

    /// <summary>A job some instance claimed and stopped on: Running under a run id of its own, with the given heartbeat
    /// and runs so far. The uploader's account and scope are copied from a first upload that ran here as usual.</summary>
    static async Task<ImportJob> LeftRunningAsync(TestApp app, HttpClient client, string grid, string building, byte[] uploadCipher,
        DateTimeOffset heartbeatAt, int attempts)
    {
        var first = await Upload(client, Workbook([Row(grid, building, "1单元", "101", "先导入居民", NewId(), null, "户籍", "户主", null)]));
        Assert.Equal("Succeeded", (await Finish(client, first.Headers.Location!.OriginalString)).Job.Status);
        await using var db = app.Db();
        var firstId = Guid.Parse(first.Headers.Location!.OriginalString.Split('/')[^1]);
        var model = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == firstId);
        var job = new ImportJob
        {
            Id = Guid.NewGuid(), AccountId = model.AccountId, AccountName = model.AccountName, ScopePrefixes = model.ScopePrefixes,
            FileName = "中断.xlsx", Status = ImportStatus.Running, RunId = Guid.NewGuid(), Attempts = attempts,
            CreatedAt = heartbeatAt - TimeSpan.FromMinutes(1), StartedAt = heartbeatAt - TimeSpan.FromMinutes(1), HeartbeatAt = heartbeatAt,
        };
        db.ImportJobs.Add(job);
        db.ImportFiles.Add(new ImportFile { JobId = job.Id, UploadCipher = uploadCipher });
        await db.SaveChangesAsync();
        return job;
    }

    async Task<(TestApp, TestDistrict, HttpClient)> Arrange(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var d = await A.District(app);
        return (app, d, await app.ClientFor(await A.Account(app, Roles.CommunityStaff, A.AreaScope(d.CommunityA))));
    }

    static async Task<(JobDto Job, List<JobDto> Seen)> Finish(HttpClient client, string location)
    {
        var seen = new List<JobDto>();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await client.Get<JobDto>(location);
            seen.Add(job);
            if (job.Status is not ("Pending" or "Running")) return (job, seen);
            await Task.Delay(50);
        }
        Assert.Fail($"Import job at {location} did not finish: {seen[^1]}");
        return default;
    }

    static Task<HttpResponseMessage> Upload(HttpClient client, byte[] file, string name = "居民.xlsx")
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return client.PostAsync("/api/residents/import", new MultipartFormDataContent { { content, "file", name } });
    }

    static byte[] Workbook(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows.ToList());
        return stream.ToArray();
    }

    static Dictionary<string, object?> Row(string grid, string building, string unit, string room, string name, string idCard,
        string? phone, string residenceType, string? relation, string? tags) => new()
    {
        ["网格代码"] = grid, ["楼栋"] = building, ["单元"] = unit, ["房号"] = room, ["姓名"] = name, ["身份证号"] = idCard,
        ["手机号"] = phone, ["居住类型"] = residenceType, ["与户主关系"] = relation, ["标签"] = tags,
    };

    static string Reason(IDictionary<string, object> row) => (string)row["错误原因"];

    /// <summary>Valid, unique ID numbers in a region code the A builders do not use.</summary>
    static string NewId()
    {
        var n = Interlocked.Increment(ref _ids);
        var first17 = $"110105{new DateOnly(1960, 1, 1).AddDays(n / 1000):yyyyMMdd}{n % 1000:D3}";
        return first17 + IdCardNumber.CheckCharFor(first17);
    }

    static class ImportColumns
    {
        public const string IdCard = "身份证号";
        public static readonly string[] All = ["网格代码", "楼栋", "单元", "房号", "姓名", "身份证号", "手机号", "居住类型", "与户主关系", "标签"];
    }

    sealed record JobDto(Guid Id, string Status, int TotalRows, int ProcessedRows, int AcceptedRows, int RejectedRows,
        string? FailureReason, string? ErrorsUrl);
}
