using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Persistence;
using CivicGrid.Shared.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CivicGrid.IntegrationTests.Cases.CaseWorld;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// POST /api/cases/uploads with a photo over the configured size limit (Files:MaxPhotoBytes, lowered to 1 MB here so no
/// 10 MB body is needed): a 422 <c>file.too_large</c> with the Chinese message, no upload row and no bytes on disk —
/// also when it comes with a good photo in the same request.
/// </summary>
public sealed class UploadLimitsTests
{
    const long Limit = 1024 * 1024;

    [Theory, OnSqlite, OnPostgres]
    public async Task A_photo_over_the_limit_is_refused_as_file_too_large_and_stores_nothing(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, new Dictionary<string, string> { ["Files:MaxPhotoBytes"] = Limit.ToString() });
        var w = await CaseWorld.CreateAsync(app);
        var root = ((DiskFileStore)app.Services.GetRequiredService<IFileStore>()).Root;

        var over = await UploadAsync(w.Resident, PngOf(Limit + 1), "大照片.png", "image/png");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, over.StatusCode);
        var problem = await ProblemAsync(over);
        Assert.Equal("file.too_large", problem.GetProperty("code").GetString());
        Assert.Equal("文件过大：照片不超过1MB。", problem.GetProperty("detail").GetString());
        Assert.Equal("大照片.png", problem.GetProperty("file").GetString());

        // One good photo and one too large in the same request: both are refused, the good one is not kept.
        var form = new MultipartFormDataContent();
        foreach (var (bytes, name) in new[] { (Png, "好照片.png"), (PngOf(Limit + 1), "大照片2.png") })
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new("image/png");
            form.Add(part, "files", name);
        }
        var mixed = await w.Resident.PostAsync("/api/cases/uploads", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, mixed.StatusCode);
        Assert.Equal("file.too_large", (await ProblemAsync(mixed)).GetProperty("code").GetString());

        await using (var db = app.Db())
            Assert.Equal(0, await db.Uploads.CountAsync());
        Assert.Empty(FilesUnder(root));

        // A photo of exactly the limit is taken: the limit is the configured one, and this check sees what is stored.
        var at = await UploadAsync(w.Resident, PngOf(Limit), "刚好.png", "image/png");
        Assert.True(at.IsSuccessStatusCode, await at.Content.ReadAsStringAsync());
        await using (var db = app.Db())
            Assert.Equal(["刚好.png"], await db.Uploads.Select(u => u.FileName).ToListAsync());
        Assert.Single(FilesUnder(root));
    }

    /// <summary>A file that starts as a PNG and is <paramref name="size"/> bytes long: only the head and the length are checked.</summary>
    static byte[] PngOf(long size)
    {
        var bytes = new byte[size];
        Png.CopyTo(bytes, 0);
        return bytes;
    }

    static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static string[] FilesUnder(string root) =>
        Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories) : [];
}
