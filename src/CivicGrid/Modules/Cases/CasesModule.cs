using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Features;

namespace CivicGrid.Modules.Cases;

/// <summary>The closed loop (DOMAIN.md §3): cases, the catalog of matters, the deadline sweep, figures. See README.md.</summary>
public static class CasesModule
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<MoveCase>();
        return builder;
    }

    public static WebApplication MapCases(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        UploadFiles.Map(cases);
        ReportCase.Map(cases);
        BrowseCases.Map(cases);
        CaseRoutes.Map(cases);
        CatalogModule.Map(app);
        return app;
    }
}
