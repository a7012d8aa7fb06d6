namespace CivicGrid.Shared.Pdf;

/// <summary>Wires the PDF reports' font: <c>builder.AddReports();</c> in Program.cs. docs/adr/0012 says why PDFsharp 6.2.4.</summary>
public static class ReportsSetup
{
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        // Process-global and set once: the same resolver instance for every app started in this process.
        CjkFontResolver.Install();
        builder.Services.AddSingleton(sp => ReportFont.FromConfiguration(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ILogger<ReportFont>>()));
        return builder;
    }
}
