using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Cases.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.Cases.Features;

/// <summary>
/// 上报: every channel's intake — resident, patrol, phone, walk-in, hotline, secretary line, home visit. The point is
/// located to its grid; a grid worker may settle a simple matter on the spot (巡办合一). An <c>Idempotency-Key</c>
/// makes a retried report answer with the case it already made.
/// </summary>
public static class ReportCase
{
    public const int MaxDescription = 4000;

    public sealed record Request(string ItemCode, string Description, double? Longitude, double? Latitude, string? Address,
        CaseSource? Source, CasePriority? Priority, string? ReporterName, string? ReporterPhone, Guid[]? PhotoIds,
        bool OnTheSpot = false, string? OnTheSpotComment = null, Guid[]? AfterPhotoIds = null);

    public static void Map(RouteGroupBuilder cases) =>
        cases.MapPost("/", Handle).RequireAuthorization(Permissions.Cases.Report);

    static async Task<Results<Created<CaseViews.Detail>, Ok<CaseViews.Detail>, ProblemHttpResult>> Handle(
        Request request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CivicGridDbContext db, CurrentUser user,
        GridLocator grids, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var bodyHash = Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
        var key = idempotencyKey?.Trim();
        if (key is { Length: > 0 } && await Replay(db, user, key, bodyHash, ct) is { } replay) return replay;

        var made = await MakeAsync(request, db, user, grids, protector, clock.GetUtcNow(), ct);
        if (made.IsError) return made.Error!.ToProblem();
        var @case = made.Value;
        var now = @case.ReportedAt;
        if (key is { Length: > 0 })
            db.IdempotentRequests.Add(new IdempotentRequest { Id = Guid.CreateVersion7(now), AccountId = user.Id, Key = key[..Math.Min(key.Length, 100)], BodyHash = bodyHash, CaseId = @case.Id, At = now });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) when (key is { Length: > 0 })
        {
            // The same key raced us and won: answer with its case.
            db.ChangeTracker.Clear();
            if (await Replay(db, user, key, bodyHash, ct) is { } raced) return raced;
            throw;
        }
        return TypedResults.Created($"/api/cases/{@case.Id}", await CaseViews.DetailAsync(db, @case.Id, user, ct));
    }

    /// <summary>
    /// Validates and locates the report, takes its photos and numbers it: the new case, added to <paramref name="db"/>
    /// and not yet saved. The route (with its idempotency) and the console's intake page both make cases this way.
    /// </summary>
    public static async Task<Result<Case>> MakeAsync(Request request, CivicGridDbContext db, CurrentUser user, GridLocator grids,
        PersonalDataProtector protector, DateTimeOffset now, CancellationToken ct)
    {
        var intake = await ReadIntake(request, db, user, grids, ct);
        if (intake.IsError) return intake.Error!;
        var (source, item, grid) = intake.Value;
        string? phone = null;
        if (request.ReporterPhone is { Length: > 0 } phoneText && (phone = PhoneNumber.Normalize(phoneText)) is null)
            return Error.Validation("case.phone_invalid", "联系电话无效（须为11位手机号）。");
        var photos = await CaseUploads.TakeAsync(db, user, request.PhotoIds, now, ct);
        if (photos.IsError) return photos.Error!;

        var number = await CaseNumbers.NextAsync(db, grid.Code[..6], now, ct);
        var spec = new Case.Intake(number, grid.Code, source, item, request.Description.Trim(), request.Longitude!.Value,
            request.Latitude!.Value, string.IsNullOrWhiteSpace(request.Address) ? grid.Name : request.Address.Trim(),
            request.Priority ?? CasePriority.Normal, ReporterName(request, user), photos.Value);
        var actor = user.AsActor();
        Case @case;
        if (request.OnTheSpot)
        {
            if (!user.Can(Permissions.Cases.OnTheSpot) || !user.Scope.Covers(grid.Code)) return CaseErrors.OnTheSpotNotAllowed;
            var after = await CaseUploads.TakeAsync(db, user, request.AfterPhotoIds, now, ct);
            if (after.IsError) return after.Error!;
            var settled = Case.ReportSettledOnTheSpot(spec, actor, request.OnTheSpotComment ?? "", after.Value, now);
            if (settled.IsError) return settled.Error!;
            @case = settled.Value;
        }
        else @case = Case.Report(spec, actor, now);

        // Personal data (DOMAIN.md §1): the phone is kept encrypted; lists and details show only the masked form.
        if (phone is not null) (@case.ReporterPhoneCipher, @case.ReporterPhoneMasked) = (protector.Encrypt(phone), PhoneNumber.Mask(phone));
        db.Cases.Add(@case);
        return @case;
    }

    static async Task<Result<(CaseSource Source, Catalog.CatalogItem Item, GridEntry Grid)>> ReadIntake(
        Request r, CivicGridDbContext db, CurrentUser user, GridLocator grids, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(r.Description)) return CaseErrors.DescriptionRequired;
        if (r.Description.Length > MaxDescription) return CaseErrors.DescriptionTooLong;
        if (r.Longitude is not { } lon || r.Latitude is not { } lat) return CaseErrors.LocationRequired;
        var item = await db.CatalogItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == r.ItemCode && !i.Retired, ct);
        if (item is null) return CaseErrors.UnknownItem;
        if (grids.Locate(lon, lat) is not { } grid) return CaseErrors.OutsideGrids;
        var staff = user.Can(Permissions.Cases.View);
        var source = r.Source ?? (user.Can(Permissions.Cases.OnTheSpot) ? CaseSource.Patrol : staff ? CaseSource.Phone : CaseSource.Resident);
        // Residents and volunteers report as themselves; only staff may take a case from another channel.
        if (!staff && source != CaseSource.Resident) return Error.Validation("case.source_not_allowed", "您只能以居民身份上报。");
        if (staff && source is CaseSource.Resident or CaseSource.Open311) return Error.Validation("case.source_not_allowed", "工作人员代录请选择电话、来访、热线等来源。");
        return (source, item, grid);
    }

    static string ReporterName(Request r, CurrentUser user) =>
        r.ReporterName is { Length: > 0 } name && user.Can(Permissions.Cases.View) ? name.Trim()[..Math.Min(name.Trim().Length, 50)] : user.DisplayName;

    static async Task<Results<Created<CaseViews.Detail>, Ok<CaseViews.Detail>, ProblemHttpResult>?> Replay(
        CivicGridDbContext db, CurrentUser user, string key, string bodyHash, CancellationToken ct)
    {
        var earlier = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(x => x.AccountId == user.Id && x.Key == key, ct);
        if (earlier is null) return null;
        if (earlier.BodyHash != bodyHash) return CaseErrors.IdempotencyKeyReused.ToProblem();
        return TypedResults.Ok(await CaseViews.DetailAsync(db, earlier.CaseId, user, ct));
    }
}
