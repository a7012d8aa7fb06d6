using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CivicGrid.Modules.Open311.Features;

/// <summary>GET discovery.{json|xml}: where the endpoint is, which spec and formats it speaks, whom to ask for a key.</summary>
public static class GetDiscovery
{
    /// <summary>When this endpoint's interface last changed (the spec's <c>changeset</c>): bump it with every change clients would notice.</summary>
    public static readonly DateTimeOffset Changeset = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));

    public sealed record Discovery(DateTimeOffset Changeset, string Contact, string? KeyService, List<Endpoint> Endpoints);
    public sealed record Endpoint(string Specification, string Url, DateTimeOffset Changeset, string Type, List<string> Formats);

    public static void Map(RouteGroupBuilder open311) => open311.MapGet($"/discovery.{Open311Result.Format}", Handle);

    static Open311Result Handle(string format, HttpRequest request, IOptionsMonitor<Open311Options> options, IStringLocalizer<Ui> l)
    {
        var o = options.CurrentValue;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/open311/v2";
        var endpoint = new Endpoint("http://wiki.open311.org/GeoReport_v2", url, Changeset, "production", ["text/xml", "application/json"]);
        var contact = string.IsNullOrWhiteSpace(o.Contact) ? l["Open311.Contact"].Value : o.Contact;
        var keyService = string.IsNullOrWhiteSpace(o.KeyService) ? null : o.KeyService;
        return new Open311Result(Open311Result.Parse(format), "discovery", new Discovery(Changeset, contact, keyService, [endpoint]));
    }
}
