using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace CivicGrid.Shared;

/// <summary>
/// Text people send, kept to the characters XML 1.0 allows: control characters other than tab and line breaks, and
/// broken surrogate pairs, are dropped. Such a character means nothing on a page, yet one stored in a case's
/// description would make every XML list and workbook that carries it fail. The API reads every JSON string through
/// <see cref="JsonConverter"/>; form doors (Open311's <c>POST requests</c>) clean what they take; outputs clean what
/// they write.
/// </summary>
public static class PlainText
{
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Clean(string? text)
    {
        if (text is null || IsClean(text)) return text;
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) kept.Append(text, i++, 2);
            else if (XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
        }
        return kept.ToString();
    }

    static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= ' ' && c < '\uD800') continue; // by far the common case: printable, including all of CJK
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (!XmlConvert.IsXmlChar(c)) return false;
        }
        return true;
    }

    /// <summary>Reads every JSON string of a request body cleaned; writes strings as they are.</summary>
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Clean(reader.GetString());

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
