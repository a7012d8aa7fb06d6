using CivicGrid.Persistence;
using CivicGrid.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Modules.Open311.Features;

/// <summary>
/// GET tokens/{token}.{fmt}. We create requests synchronously and answer POST with the service_request_id, so we never
/// hand out tokens; a client written to poll tokens anyway may pass the service_request_id (or the case's id) as its
/// token and gets <c>[{service_request_id, token}]</c> back at once.
/// </summary>
public static class GetToken
{
    public sealed record TokenAnswer(string ServiceRequestId, string Token);

    public static void Map(RouteGroupBuilder open311) => open311.MapGet($"/tokens/{{token}}.{Open311Result.Format}", Handle);

    static async Task<Open311Result> Handle(string token, string format, CivicGridDbContext db, IStringLocalizer<Ui> l, CancellationToken ct)
    {
        var fmt = Open311Result.Parse(format);
        var cases = PublicCases.Query(db);
        cases = Guid.TryParse(token, out var id) ? cases.Where(c => c.Id == id) : cases.Where(c => c.Number == token);
        var number = await cases.Select(c => c.Number).SingleOrDefaultAsync(ct);
        return number is null
            ? Open311Result.Problem(fmt, Open311Errors.RequestNotFound, l)
            : new Open311Result(fmt, "service_requests", new[] { new TokenAnswer(number, token) });
    }
}
