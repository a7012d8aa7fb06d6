using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CivicGrid.IntegrationTests.Infrastructure;

/// <summary>
/// Posting the phone pages' plain forms (ADR 10) as a browser does: with the page's antiforgery field, following no
/// redirect, so a test reads where the form sent the user.
/// </summary>
public static partial class PhoneForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")] private static partial Regex AntiforgeryField();

    /// <summary>
    /// The same bearer as <paramref name="signedIn"/> on a client that shows redirects instead of following them
    /// (HttpClient drops the Authorization header on a redirect; a browser keeps its cookie). It has its own cookie jar,
    /// so it reads the page (and its antiforgery cookie) itself.
    /// </summary>
    public static HttpClient Forms(TestApp app, HttpClient signedIn)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    /// <summary>The page's antiforgery field (every /m page carries one in its sign-out form), with the fields given.</summary>
    public static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", Token(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    /// <summary>A multipart form with one file input named <c>photos</c>.</summary>
    public static MultipartFormDataContent Multipart(string page, (string Name, string Value)[] fields, (string Name, string Type, byte[] Bytes)? file = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(Token(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        // An empty file input still sends its part, nameless and empty, as a browser does.
        var bytes = new ByteArrayContent(file?.Bytes ?? []);
        bytes.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file?.Type ?? "application/octet-stream");
        bytes.Headers.ContentDisposition = new("form-data") { Name = "\"photos\"", FileName = $"\"{file?.Name ?? ""}\"" };
        form.Add(bytes);
        return form;
    }

    /// <summary>Where a form's answer sends the browser (it must be a redirect).</summary>
    public static string Landed(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    public static string Token(string page) => AntiforgeryField().Match(page) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery field on the page.");
}
