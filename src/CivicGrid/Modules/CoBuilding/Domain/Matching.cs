namespace CivicGrid.Modules.CoBuilding.Domain;

/// <summary>
/// Suggests resources for a need and needs for a resource (供需对接). The rule, also in the module README:
/// <list type="bullet">
/// <item>Same category, or no match at all.</item>
/// <item>Within <see cref="MaxKm"/> (great-circle distance between the two points), or no match.</item>
/// <item>Available within the need's horizon — 3 days when urgent, 7 high, 30 normal, 90 low — or no match: the
/// resource's window must not have ended and must start before now + horizon.</item>
/// <item>Score 0–100 = 60 × (1 − km / MaxKm) + 40 × availability, where availability is 1 when the resource is
/// available now and falls linearly to 0 as its start approaches the end of the horizon.</item>
/// </list>
/// Ties go to the nearer one. A withdrawn resource and a need that is not open are never suggested.
/// </summary>
public static class Matching
{
    public const double MaxKm = 10;
    public const int DistanceWeight = 60, AvailabilityWeight = 40;

    public sealed record Match(double Km, int Score);

    public static TimeSpan Horizon(NeedUrgency u) => u switch
    {
        NeedUrgency.Urgent => TimeSpan.FromDays(3),
        NeedUrgency.High => TimeSpan.FromDays(7),
        NeedUrgency.Normal => TimeSpan.FromDays(30),
        _ => TimeSpan.FromDays(90),
    };

    public static Match? Score(Need need, Resource resource, DateTimeOffset now)
    {
        if (need.Category != resource.Category || resource.Withdrawn || need.Status != NeedStatus.Open) return null;
        var km = Km(need.Longitude, need.Latitude, resource.Longitude, resource.Latitude);
        if (km > MaxKm) return null;
        var horizon = Horizon(need.Urgency);
        if (resource.AvailableUntil is { } until && until <= now) return null;
        var wait = resource.AvailableFrom - now;
        if (wait >= horizon) return null;
        var availability = wait <= TimeSpan.Zero ? 1.0 : 1.0 - wait / horizon;
        var score = (int)Math.Round(DistanceWeight * (1 - km / MaxKm) + AvailabilityWeight * availability);
        return new Match(Math.Round(km, 2), score);
    }

    /// <summary>Haversine distance in kilometres.</summary>
    public static double Km(double lon1, double lat1, double lon2, double lat2)
    {
        const double R = 6371.0;
        double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
