using System.Globalization;
using CivicGrid.Modules.Cases.Features;
using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Modules.Open311.Features;

/// <summary>
/// POST requests.{fmt}: a third-party app files a service request. Its <c>api_key</c> signs its channel account in, and
/// the report runs the same intake as <c>POST /api/cases</c> (<see cref="ReportCase"/>) with the source Open311. We
/// create synchronously, so the answer carries the case number as <c>service_request_id</c> and never a token.
/// </summary>
public static class SubmitServiceRequest
{
    public sealed record Submitted(string ServiceRequestId, string ServiceNotice, string? AccountId);

    public static void Map(RouteGroupBuilder open311) => open311.MapPost($"/requests.{Open311Result.Format}", Handle);

    static async Task<Open311Result> Handle(string format, HttpContext http, Open311Clients clients, ReportCase intake,
        IStringLocalizer<Ui> l, CancellationToken ct)
    {
        var fmt = Open311Result.Parse(format);
        var request = http.Request;
        // The spec posts a form; its Swagger also names the fields as query parameters, so a query value is taken when the form lacks one.
        if (request.ContentType is { Length: > 0 } && !request.HasFormContentType) return Open311Result.Problem(fmt, Open311Errors.FormRequired, l);
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        string? Field(string name) =>
            form?[name] is { Count: > 0 } posted ? posted.ToString() : request.Query[name] is { Count: > 0 } q ? q.ToString() : null;

        if (await clients.SignInAsync(http, Field("api_key")) is { } denied) return Open311Result.Problem(fmt, denied, l);
        if (!TryCoordinate(Field("lat"), out var lat) || !TryCoordinate(Field("long"), out var lon))
            return Open311Result.Problem(fmt, Open311Errors.CoordinatesInvalid, l);

        // Email, device and account ids, and media_url are not kept: we have no use for them, and fetching a URL we are handed is not our business.
        var report = new ReportCase.Request(Field("service_code")?.Trim() ?? "", Field("description") ?? "", lon, lat,
            Field("address_string"), Source: null, Priority: null, ReporterName(Field("first_name"), Field("last_name")),
            Field("phone"), PhotoIds: null);
        var reported = await intake.RunAsync(report, request.Headers["Idempotency-Key"].FirstOrDefault(), ReportCase.Door.Open311, ct);
        if (reported.IsError) return Open311Result.Problem(fmt, reported.Error!, l);
        var number = reported.Value.Number;
        return new Open311Result(fmt, "service_requests", new[] { new Submitted(number, l["Open311.Notice.Received", number], null) });
    }

    static bool TryCoordinate(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true; // missing: the intake says a location is required
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)) return false;
        value = v;
        return true;
    }

    // Open311 sends a given name and a family name. Chinese names are written family name first, without a space.
    static string? ReporterName(string? first, string? last)
    {
        first = first?.Trim();
        last = last?.Trim();
        if (string.IsNullOrEmpty(first) && string.IsNullOrEmpty(last)) return null;
        var chinese = $"{first}{last}".Any(ch => ch >= '\u4e00' && ch <= '\u9fff');
        return chinese ? $"{last}{first}" : $"{first} {last}".Trim();
    }
}
