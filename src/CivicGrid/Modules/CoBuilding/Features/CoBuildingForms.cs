using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.CoBuilding.Domain;
using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using CivicGrid.Shared.Files;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Modules.CoBuilding.Features;

/// <summary>
/// The phone's plain HTML forms (ADR 10) for co-building (/m/cobuilding): a unit claims a need, publishes a resource,
/// plans its project with milestones, reports progress and proves completion with photos taken on the phone (in the same
/// multipart post, stored as <c>POST /api/cases/uploads</c> stores them, then named by id like any upload); staff and
/// grid workers publish a need; community staff confirm or decline a claim. They call the same handlers as the JSON
/// routes and answer with a redirect back — <c>?error=code</c> when refused (shown from Ui.resx), <c>?done=…</c> when
/// done — so a phone without script can still act. A place is picked as a grid (no map without script): its interior
/// point stands for the point, the address says the rest.
/// </summary>
public static class CoBuildingForms
{
    /// <summary>Form-only codes for answers that carry no code of their own (out of sight, no permission).</summary>
    public const string NotFoundCode = "cobuilding.not_found", ForbiddenCode = "cobuilding.forbidden", FailedCode = "cobuilding.failed";

    public const string Board = "/m/cobuilding";

    /// <summary>Milestone rows the phone's plan form offers at a time; more can be added by planning again.</summary>
    public const int MilestoneRows = 3;

    public static string ProjectPage(Guid id) => $"/m/cobuilding/projects/{id}";

    public static void Map(WebApplication app)
    {
        var forms = app.MapGroup("/m/cobuilding").ExcludeFromDescription();
        var photos = new RequestSizeLimitAttribute(100L * 1024 * 1024);
        forms.MapPost("/needs/{id:guid}/claim", async (Guid id, [FromForm] string? note, CivicGridDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) => Back(Board, await ClaimNeed.Handle(id, new ClaimNeed.Request(null, note), db, user, clock, ct), "claimed"))
            .RequireAuthorization(Permissions.CoBuilding.Take);
        forms.MapPost("/needs/{id:guid}/confirm", async (Guid id, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
                Back(Board, await DecideClaim.Confirm(id, db, user, clock, ct), "confirmed"))
            .RequireAuthorization(Permissions.CoBuilding.Manage);
        forms.MapPost("/needs/{id:guid}/decline", async (Guid id, [FromForm] string? reason, CivicGridDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) => Back(Board, await DecideClaim.Decline(id, new DecideClaim.DeclineRequest(reason), db, user, clock, ct), "declined"))
            .RequireAuthorization(Permissions.CoBuilding.Manage);
        forms.MapPost("/needs", PublishNeedForm).RequireAuthorization(Permissions.CoBuilding.Publish);
        forms.MapPost("/resources", PublishResourceForm).RequireAuthorization(Permissions.CoBuilding.Take);
        forms.MapPost("/resources/{id:guid}/withdraw", async (Guid id, CivicGridDbContext db, CurrentUser user, CancellationToken ct) =>
                Back(Board, await PublishResource.Withdraw(id, db, user, ct), "withdrawn"))
            .RequireAuthorization(Permissions.CoBuilding.Take);
        forms.MapPost("/projects/{id:guid}/plan", Plan).RequireAuthorization(Permissions.CoBuilding.Take);
        forms.MapPost("/projects/{id:guid}/progress", Progress).RequireAuthorization(Permissions.CoBuilding.Take).WithMetadata(photos);
        forms.MapPost("/projects/{id:guid}/complete", Complete).RequireAuthorization(Permissions.CoBuilding.Take).WithMetadata(photos);
    }

    static async Task<RedirectHttpResult> PublishNeedForm([FromForm] string? category, [FromForm] string? title, [FromForm] string? description,
        [FromForm] string? urgency, [FromForm] string? grid, [FromForm] string? address, [FromForm] Guid? formId, CivicGridDbContext db,
        CurrentUser user, GridLocator grids, TimeProvider clock, CancellationToken ct)
    {
        if (await PointOfAsync(db, grid, ct) is not { } at) return To(Board, CoBuildingErrors.LocationRequired.Code);
        NeedUrgency? level = Enum.TryParse<NeedUrgency>(urgency, out var u) && Enum.IsDefined(u) ? u : null;
        return await Once(db, user, formId, clock, "need", async () => await PublishNeed.Publish(
            new PublishNeed.Request(category ?? "", title ?? "", description, level, at.Lon, at.Lat, address), db, user, grids, clock, ct), ct);
    }

    /// <summary>Publishes once per form (<see cref="FormOnce"/>): a second tap lands on the same "done".</summary>
    static async Task<RedirectHttpResult> Once(CivicGridDbContext db, CurrentUser user, Guid? formId, TimeProvider clock, string done,
        Func<Task<IResult>> publish, CancellationToken ct)
    {
        if (await FormOnce.SentBeforeAsync(db, user, formId, clock.GetUtcNow(), ct)) return To(Board, null, done);
        try { return Back(Board, await publish(), done); }
        catch (DbUpdateException) { if (await FormOnce.SavedMeanwhileAsync(db, user, formId, ct)) return To(Board, null, done); throw; }
    }

    static async Task<RedirectHttpResult> PublishResourceForm([FromForm] string? category, [FromForm] string? title, [FromForm] string? description,
        [FromForm] string? capacity, [FromForm] string? grid, [FromForm] string? address, [FromForm] string? from, [FromForm] string? until,
        [FromForm] Guid? formId, CivicGridDbContext db, CurrentUser user, GridLocator grids, TimeProvider clock, CancellationToken ct)
    {
        if (await PointOfAsync(db, grid, ct) is not { } at) return To(Board, CoBuildingErrors.LocationRequired.Code);
        // The console's convention (ResourcesTab): available from the start of the first day to 23:00 of the last, China time.
        return await Once(db, user, formId, clock, "resource", async () => await PublishResource.Publish(new PublishResource.Request(null, category ?? "",
            title ?? "", description, capacity, at.Lon, at.Lat, address, Day(from) is { } f ? China(f, 0) : null,
            Day(until) is { } u ? China(u, 23) : null), db, user, grids, clock, ct), ct);
    }

    /// <summary>The plan and up to <see cref="MilestoneRows"/> new milestones (<c>milestone0</c>/<c>due0</c> …); a row
    /// with a title but no date is refused as an incomplete milestone, empty rows are skipped.</summary>
    static async Task<RedirectHttpResult> Plan(Guid id, IFormCollection form, CivicGridDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var milestones = new List<Project.MilestoneSpec>();
        for (var i = 0; i < MilestoneRows; i++)
        {
            var title = form[$"milestone{i}"].ToString().Trim();
            var due = Day(form[$"due{i}"].ToString());
            if (title.Length == 0 && due is null) continue;
            if (title.Length == 0 || due is null) return To(ProjectPage(id), CoBuildingErrors.MilestonesRequired.Code);
            milestones.Add(new Project.MilestoneSpec(title, China(due.Value, 18))); // due at the end of the working day, as the console sets it
        }
        var result = await WorkOnProject.Plan(id, new WorkOnProject.PlanRequest(form["plan"].ToString(), milestones), db, user, clock, ct);
        return Back(ProjectPage(id), result, "planned");
    }

    static async Task<RedirectHttpResult> Progress(Guid id, [FromForm] string? text, [FromForm] string? milestone, IFormFileCollection files,
        CivicGridDbContext db, CurrentUser user, IFileStore store, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        var (photoIds, refused) = await StorePhotosAsync(files, db, user, store, limits, clock, ct);
        if (refused is not null) return To(ProjectPage(id), refused);
        var result = await WorkOnProject.Progress(id, new WorkOnProject.ProgressRequest(text ?? "", Guid.TryParse(milestone, out var done) ? done : null, photoIds), db, user, limits, clock, ct);
        return Back(ProjectPage(id), result, "progress");
    }

    static async Task<RedirectHttpResult> Complete(Guid id, [FromForm] string? text, IFormFileCollection files, CivicGridDbContext db,
        CurrentUser user, IFileStore store, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        var (photoIds, refused) = await StorePhotosAsync(files, db, user, store, limits, clock, ct);
        if (refused is not null) return To(ProjectPage(id), refused);
        var result = await WorkOnProject.Complete(id, new WorkOnProject.CompleteRequest(text, photoIds), db, user, limits, clock, ct);
        return Back(ProjectPage(id), result, "completed");
    }

    /// <summary>The photos of the post, stored as the upload route stores them; null ids when none was chosen.</summary>
    static async Task<(Guid[]? Ids, string? Refused)> StorePhotosAsync(IFormFileCollection files, CivicGridDbContext db, CurrentUser user,
        IFileStore store, UploadLimits limits, TimeProvider clock, CancellationToken ct)
    {
        // A file input left empty still sends one nameless, empty part (and a select left on "none" posts "", hence strings above).
        var chosen = files.Where(f => f.Length > 0 || f.FileName.Length > 0)
            .Select(f => new UploadFiles.Incoming(f.FileName, f.Length, f.ContentType, f.OpenReadStream)).ToList();
        if (chosen.Count == 0) return (null, null);
        var stored = await UploadFiles.StoreAsync(chosen, db, user, store, limits, clock.GetUtcNow(), ct);
        return stored.Error is { } refused ? (null, refused.Code) : (stored.Files.Select(f => f.Id).ToArray(), null);
    }

    /// <summary>A grid's interior point: the place of a need or resource picked on the phone. Grid outlines are no
    /// secret (a unit places its resource anywhere in the district); whether the caller may publish there is the handler's.</summary>
    static async Task<(double Lon, double Lat)?> PointOfAsync(CivicGridDbContext db, string? grid, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(grid)) return null;
        var boundary = await db.Areas.IgnoreQueryFilters([DataScope.FilterName]).AsNoTracking()
            .Where(a => a.AreaCode == grid && a.Level == AreaLevel.Grid && a.RetiredAt == null && a.Boundary != null)
            .Select(a => a.Boundary).SingleOrDefaultAsync(ct);
        return boundary?.InteriorPoint is { } p ? (p.X, p.Y) : null;
    }

    /// <summary>A date input's value (yyyy-MM-dd); an input left empty posts "", which is no date, not a malformed request.</summary>
    static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    static DateTimeOffset China(DateOnly day, int hour) =>
        new DateTimeOffset(day.Year, day.Month, day.Day, hour, 0, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    /// <summary>The page again, with the refusal's code or what was done.</summary>
    static RedirectHttpResult Back(string page, IResult result, string done) => To(page, CodeOf(result), done);

    static RedirectHttpResult To(string page, string? error, string? done = null) => TypedResults.LocalRedirect(error is not null
        ? $"{page}?error={Uri.EscapeDataString(error)}" : $"{page}?done={done}");

    static string? CodeOf(IResult result) => (result is INestedHttpResult nested ? nested.Result : result) switch
    {
        ProblemHttpResult p when p.ProblemDetails.Extensions.TryGetValue("code", out var code) && code is not null => code.ToString(),
        ProblemHttpResult { StatusCode: 403 } => ForbiddenCode,
        ProblemHttpResult => FailedCode,
        NotFound => NotFoundCode,
        _ => null,
    };
}
