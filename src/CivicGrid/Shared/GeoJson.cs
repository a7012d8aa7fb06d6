using System.Text.Json;
using NetTopologySuite.IO.Converters;

namespace CivicGrid.Shared;

/// <summary>GeoJSON in and out (RFC 7946, lon/lat) through NetTopologySuite's System.Text.Json converters.</summary>
public static class GeoJson
{
    public static readonly JsonSerializerOptions Options = Create();

    static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        o.Converters.Add(new GeoJsonConverterFactory());
        return o;
    }

    /// <summary>A geometry as a JSON value an endpoint can return inside any response record.</summary>
    public static JsonElement ToObject(NetTopologySuite.Geometries.Geometry geometry) =>
        JsonSerializer.SerializeToElement(geometry, Options);
}
