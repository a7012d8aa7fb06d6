namespace CivicGrid.BrowserTests.Infrastructure;

/// <summary>A fact that needs Debian's Chromium; skipped (not failed) only on a machine without it. CI installs it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath)) Skip = $"Chromium is not installed at {ChromiumPath}.";
    }
}
