using CivicGrid.Modules.Identity.Domain;
using CivicGrid.Modules.Volunteering.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace CivicGrid.Modules.Volunteering.Features;

/// <summary>
/// The organiser's rotating check-in code (签到码) for an activity of their community: the scan URL a phone camera
/// opens, and the same as an SVG QR code. The console page fetches it again when <see cref="Code.ExpiresAt"/> passes.
/// </summary>
public static class ShowCheckInCode
{
    public sealed record Code(string Value, string Url, DateTimeOffset ExpiresAt, int StepSeconds, string Svg);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/activities/{id:guid}/code", Handle).RequireAuthorization(Permissions.Volunteering.Manage);

    static async Task<Results<Ok<Code>, NotFound>> Handle(Guid id, HttpRequest http, CivicGridDbContext db, CurrentUser user, CheckInCodes codes, CancellationToken ct)
    {
        var area = await db.VolunteerActivities.Where(a => a.Id == id).Select(a => a.AreaCode).SingleOrDefaultAsync(ct);
        if (area is null || !user.Scope.Covers(area)) return TypedResults.NotFound();
        return TypedResults.Ok(For(id, $"{http.Scheme}://{http.Host}{http.PathBase}", codes));
    }

    public static string ScanPath(Guid activityId, string code) => $"/m/activities/{activityId}/scan?c={Uri.EscapeDataString(code)}";

    public static Code For(Guid activityId, string baseUrl, CheckInCodes codes)
    {
        var value = codes.Current(activityId);
        var url = baseUrl.TrimEnd('/') + ScanPath(activityId, value);
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8);
        return new Code(value, url, codes.CurrentStepEnds, CheckInCodes.StepSeconds, svg);
    }
}
