using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// 上报: every channel's intake — resident, patrol, phone, walk-in, hotline, secretary line, home visit, and third-party
/// apps through Open311. The point is located to its grid; a grid worker may settle a simple matter on the spot
/// (巡办合一). An <c>Idempotency-Key</c> makes a retried report answer with the case it already made. The endpoint here
/// and Open311's <c>POST requests</c> both run <see cref="RunAsync"/>, so both doors check and create alike.
/// </summary>
public sealed class ReportCase(CivicGridDbContext db, CurrentUser user, GridLocator grids, PersonalDataProtector protector, TimeProvider clock,
    UploadLimits limits, Catalog.RememberedCatalog catalog, CaseNumbers numbers)
{
    public const int MaxDescription = 4000;

    public sealed record Request(string ItemCode, string Description, double? Longitude, double? Latitude, string? Address,
        CaseSource? Source, CasePriority? Priority, string? ReporterName, string? ReporterPhone, Guid[]? PhotoIds,
        bool OnTheSpot = false, string? OnTheSpotComment = null, Guid[]? AfterPhotoIds = null);

    /// <summary>
    /// The case the intake made (<paramref name="Made"/>: the tracked aggregate and its item, to answer without a reload),
    /// or — a retry under the same <c>Idempotency-Key</c> — the one it made before.
    /// </summary>
    public sealed record Reported(Guid CaseId, string Number, bool Replayed, (Case Case, Catalog.CatalogItem Item)? Made = null);

    /// <summary>Which door the report came through.</summary>
    public enum Door
    {
        /// <summary>POST /api/cases (console, mobile pages, apps with an account): the caller's role picks the source.</summary>
        Api,
        /// <summary>Open311 (第三方应用): the caller is a channel account; the source is Open311 and the named reporter is taken as sent.</summary>
        Open311,
    }

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/", Handle).RequireAuthorization(Permissions.Cases.Report);

    static async Task<Results<Created<CaseViews.Detail>, Ok<CaseViews.Detail>, ProblemHttpResult>> Handle(
        Request request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, ReportCase intake, CivicGridDbContext db,
        CurrentUser user, CaseDetailParts parts, CancellationToken ct)
    {
        var reported = await intake.RunAsync(request, idempotencyKey, Door.Api, ct);
        if (reported.IsError) return reported.Error!.ToProblem();
        var detail = reported.Value.Made is var (made, item)
            ? await CaseViews.DetailOfSavedAsync(db, made, item, user, parts, ct)
            : (await CaseViews.DetailAsync(db, reported.Value.CaseId, user, parts, ct))!;
        return reported.Value.Replayed ? TypedResults.Ok(detail) : TypedResults.Created($"/api/cases/{detail.Case.Id}", detail);
    }

    /// <summary>
    /// Checks the report, locates it, creates the case and saves once; or answers a replayed key with its earlier case.
    /// The key is looked up only when making the case did not succeed — the unique key refused a second row, or the
    /// retry failed a check the first attempt passed (its photos are taken now) — so a first report costs no lookup.
    /// </summary>
    public async Task<Result<Reported>> RunAsync(Request request, string? idempotencyKey, Door door, CancellationToken ct)
    {
        // JSON bodies arrive clean (PlainText); Open311's form fields do not.
        request = request with
        {
            Description = PlainText.Clean(request.Description), Address = PlainText.Clean(request.Address),
            ReporterName = PlainText.Clean(request.ReporterName), OnTheSpotComment = PlainText.Clean(request.OnTheSpotComment),
        };
        var bodyHash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
        var key = idempotencyKey?.Trim();
        if (key is not { Length: > 0 }) return await CreateAsync(request, null, bodyHash, door, ct);
        if (key.Length > MaxIdempotencyKey) return IdempotencyKeyTooLong;
        try
        {
            var made = await CreateAsync(request, key, bodyHash, door, ct);
            if (!made.IsError) return made;
            return await Replay(key, bodyHash, ct) ?? made;
        }
        catch (DbUpdateException)
        {
            // The same key raced us and won, or came before: answer with its case.
            db.ChangeTracker.Clear();
            if (await Replay(key, bodyHash, ct) is { } raced) return raced;
            throw;
        }
    }

    async Task<Result<Reported>> CreateAsync(Request request, string? key, string bodyHash, Door door, CancellationToken ct)
    {
        var intake = await ReadIntake(request, door, ct);
        if (intake.IsError) return intake.Error!;
        var (source, item, grid) = intake.Value;
        var now = clock.GetUtcNow();
        var photos = await CaseUploads.TakeAsync(db, user, request.PhotoIds, limits, now, ct);
        if (photos.IsError) return photos.Error!;

        // Every check that needs no case comes before the number, so a refused report does not leave a gap.
        IReadOnlyList<StoredFile>? after = null;
        if (request.OnTheSpot)
        {
            if (!user.Can(Permissions.Cases.OnTheSpot) || !user.Scope.Covers(grid.Code)) return CaseErrors.OnTheSpotNotAllowed;
            var taken = await CaseUploads.TakeAsync(db, user, request.AfterPhotoIds, limits, now, ct);
            if (taken.IsError) return taken.Error!;
            after = taken.Value;
        }
        string? phone = null;
        if (request.ReporterPhone is { Length: > 0 } phoneText && (phone = PhoneNumber.Normalize(phoneText)) is null) return PhoneInvalid;

        var number = await numbers.NextAsync(db, grid.Code[..6], now, ct);
        var spec = new Case.Intake(number, grid.Code, source, item, request.Description.Trim(), request.Longitude!.Value,
            request.Latitude!.Value, string.IsNullOrWhiteSpace(request.Address) ? grid.Name : Clip(request.Address, 200),
            request.Priority ?? CasePriority.Normal, ReporterName(request, door), photos.Value);
        var actor = user.AsActor();
        Case @case;
        if (after is not null)
        {
            var settled = Case.ReportSettledOnTheSpot(spec, actor, request.OnTheSpotComment ?? "", after, now);
            if (settled.IsError) return settled.Error!;
            @case = settled.Value;
        }
        else @case = Case.Report(spec, actor, now);

        if (phone is not null) (@case.ReporterPhoneCipher, @case.ReporterPhoneMasked) = (protector.Encrypt(phone), PhoneNumber.Mask(phone));
        db.Cases.Add(@case);
        if (key is not null)
            db.IdempotentRequests.Add(new IdempotentRequest { Id = Guid.CreateVersion7(now), AccountId = user.Id, Key = key, BodyHash = bodyHash, CaseId = @case.Id, At = now });
        await db.SaveChangesAsync(ct);
        return new Reported(@case.Id, @case.Number, Replayed: false, (@case, item));
    }

    public const int MaxIdempotencyKey = 100;

    /// <summary>Cut short, two different keys could name one report; refused, the client learns its keys are too long.</summary>
    public static readonly Error IdempotencyKeyTooLong =
        Error.Validation("case.idempotency_key_too_long", $"请求标识（Idempotency-Key）不能超过{MaxIdempotencyKey}个字符。");

    public static readonly Error PhoneInvalid = Error.Validation("case.phone_invalid", "联系电话无效（须为11位手机号）。");

    async Task<Result<(CaseSource Source, Catalog.CatalogItem Item, GridEntry Grid)>> ReadIntake(Request r, Door door, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Description)) return CaseErrors.DescriptionRequired;
        if (r.Description.Length > MaxDescription) return CaseErrors.DescriptionTooLong;
        if (r.Longitude is not { } lon || r.Latitude is not { } lat) return CaseErrors.LocationRequired;
        if (await catalog.FindAsync(db, r.ItemCode ?? "", ct) is not { Retired: false } item) return CaseErrors.UnknownItem;
        if (grids.Locate(lon, lat) is not { } grid) return CaseErrors.OutsideGrids;
        if (door == Door.Open311) return (CaseSource.Open311, item, grid);
        var staff = user.Can(Permissions.Cases.View);
        var source = r.Source ?? (user.Can(Permissions.Cases.OnTheSpot) ? CaseSource.Patrol : staff ? CaseSource.Phone : CaseSource.Resident);
        // Residents and volunteers report as themselves; only staff may take a case from another channel; Open311 is its own door.
        if (!staff && source != CaseSource.Resident) return Error.Validation("case.source_not_allowed", "您只能以居民身份上报。");
        if (staff && source is CaseSource.Resident or CaseSource.Open311) return Error.Validation("case.source_not_allowed", "工作人员代录请选择电话、来访、热线等来源。");
        return (source, item, grid);
    }

    // Staff taking a call name the caller; an Open311 channel passes on the name its user gave. Anyone else is themselves.
    string ReporterName(Request r, Door door) =>
        r.ReporterName is { Length: > 0 } name && !string.IsNullOrWhiteSpace(name) && (door == Door.Open311 || user.Can(Permissions.Cases.View))
            ? Clip(name, 50)
            : user.DisplayName;

    static string Clip(string text, int max) => text.Trim()[..Math.Min(text.Trim().Length, max)];

    async Task<Result<Reported>?> Replay(string key, string bodyHash, CancellationToken ct)
    {
        var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(x => x.AccountId == user.Id && x.Key == key, ct);
        if (earlier is null) return null;
        if (earlier.BodyHash != bodyHash) return CaseErrors.IdempotencyKeyReused;
        // The caller's own earlier intake: its case is theirs to hear about whatever their scope is now.
        var number = await db.Cases.IgnoreQueryFilters([DataScope.FilterName]).Where(c => c.Id == earlier.CaseId).Select(c => c.Number).SingleAsync(ct);
        return new Reported(earlier.CaseId, number, Replayed: true);
    }
}
