using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Xml;
using System.Xml.Linq;
using CivicGrid.Modules.Calendar.Domain;
using CivicGrid.Shared;
using CivicGrid.Web.Resources;
using Microsoft.Extensions.Localization;

namespace CivicGrid.Modules.Open311;

/// <summary>The two response formats of GeoReport v2, chosen by the path's extension (<c>services.json</c>, <c>services.xml</c>).</summary>
public enum Open311Format { Json, Xml }

/// <summary>
/// Writes an Open311 answer. The body is serialized once to JSON (snake_case, nulls kept, instants in China time); the
/// XML is made from that JSON with the element names of the spec, so both formats always carry the same values.
/// Content types are exactly <c>application/json</c> and <c>text/xml</c>: some validators compare them as strings.
/// </summary>
public sealed class Open311Result(Open311Format format, string root, object body, int status = StatusCodes.Status200OK) : IResult
{
    /// <summary>The route segment shared by every endpoint: <c>services.{format}</c>.</summary>
    public const string Format = "{format:regex(^(json|xml)$)}";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new ChinaTimeConverter() },
    };

    // What each list's items are called in XML (<services><service>…</service></services>).
    static readonly Dictionary<string, string> ItemNames = new()
    {
        ["services"] = "service", ["service_requests"] = "request", ["service_requests_updates"] = "request_update",
        ["attributes"] = "attribute", ["values"] = "value", ["endpoints"] = "endpoint", ["formats"] = "format",
        ["errors"] = "error",
    };

    public static Open311Format Parse(string format) => format == "xml" ? Open311Format.Xml : Open311Format.Json;

    /// <summary>An error in the spec's shape: <c>[{"code":404,"description":"…"}]</c> / <c>&lt;errors&gt;&lt;error&gt;…</c>.</summary>
    public static Open311Result Problem(Open311Format format, Error error, IStringLocalizer<Ui> l)
    {
        // Open311 knows 400, 403 and 404; our 422 (a refused value) is its 400. A reused Idempotency-Key stays a 409.
        var status = error.Status is 403 or 404 or 409 ? error.Status : StatusCodes.Status400BadRequest;
        var text = l[$"Error.{error.Code}"];
        var description = text.ResourceNotFound ? error.Message : text.Value;
        return new Open311Result(format, "errors", new[] { new ErrorView(status, description) }, status);
    }

    public sealed record ErrorView(int Code, string Description);

    public async Task ExecuteAsync(HttpContext http)
    {
        var node = JsonSerializer.SerializeToNode(body, body.GetType(), Json);
        byte[] bytes;
        if (format == Open311Format.Json)
        {
            http.Response.ContentType = "application/json";
            bytes = Encoding.UTF8.GetBytes(node?.ToJsonString(Json) ?? "null");
        }
        else
        {
            http.Response.ContentType = "text/xml";
            var document = new XDocument(new XDeclaration("1.0", "utf-8", null), ToXml(root, node));
            using var buffer = new MemoryStream();
            await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
                await document.SaveAsync(writer, http.RequestAborted);
            bytes = buffer.ToArray();
        }
        http.Response.StatusCode = status;
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    static XElement ToXml(string name, JsonNode? node) => node switch
    {
        JsonObject o => new XElement(name, o.Select(p => ToXml(p.Key, p.Value))),
        JsonArray a => new XElement(name, a.Select(x => ToXml(ItemNames.GetValueOrDefault(name, "item"), x))),
        null => new XElement(name),
        _ => new XElement(name, PlainText.Clean(node.ToString())), // also what was stored before text was cleaned on the way in
    };
}

/// <summary>ISO 8601 with the offset, in China time (+08:00), to the second: what Open311 clients parse.</summary>
public sealed class ChinaTimeConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));

    public static string Format(DateTimeOffset value) =>
        value.ToOffset(WorkingCalendar.ChinaStandardTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a query date: full ISO 8601 with an offset or Z, or without one (taken as China time), or a bare date (its
    /// midnight in China). A '+' left unescaped in a query string arrives as a space; it is put back.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        var t = text.IndexOfAny(['T', 't']);
        if (t > 0) text = text[..t] + text[t..].Replace(' ', '+');
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (t > 0 && (text.LastIndexOf('+') > t || text.LastIndexOf('-') > t));
        if (hasOffset)
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value) && Plausible(value);
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) || !Plausible(local)) return false;
        value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), WorkingCalendar.ChinaStandardTime);
        return true;
    }

    // Far from the ends of the calendar, so a window's arithmetic (end - 90 days, to UTC) cannot run off them.
    static bool Plausible(DateTimeOffset value) => value.Year is >= 1900 and <= 9000;
    static bool Plausible(DateTime value) => value.Year is >= 1900 and <= 9000;
}
