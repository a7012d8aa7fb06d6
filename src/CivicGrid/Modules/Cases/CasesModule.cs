using CivicGrid.Modules.Cases.Catalog;
using CivicGrid.Modules.Cases.Features;
using CivicGrid.Modules.Cases.Figures;
using CivicGrid.Modules.Cases.Jobs;
using CivicGrid.Modules.Cases.Live;
using CivicGrid.Persistence;

namespace CivicGrid.Modules.Cases;

/// <summary>The closed loop (DOMAIN.md §3): cases, the catalog of matters, the deadline sweep, figures. See README.md.</summary>
public static class CasesModule
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<MoveCase>();
        builder.Services.AddScoped<ReportCase>();
        builder.Services.AddScoped<CaseDetailParts>();
        builder.Services.AddSingleton<CaseNumbers>();
        builder.Services.AddRemembered<RememberedCatalog>();
        builder.Services.AddSingleton<CaseFeed>();
        builder.Services.AddSignalR();
        builder.Services.AddHostedService<CaseHubRelay>();
        if (CivicGrid.Persistence.DatabaseSetup.Provider(builder.Configuration) == CivicGrid.Persistence.DatabaseProvider.Postgres
            && builder.Configuration.GetValue("Cases:InstanceBridge", true))
        {
            var connection = CivicGrid.Persistence.DatabaseSetup.ConnectionString(builder.Configuration, CivicGrid.Persistence.DatabaseProvider.Postgres, builder.Environment.ContentRootPath);
            builder.Services.AddHostedService(sp => new CaseFeedBridge(sp.GetRequiredService<CaseFeed>(), connection, sp.GetRequiredService<ILogger<CaseFeedBridge>>()));
        }
        builder.Services.AddSingleton<DeadlineSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineSweep>());
        builder.Services.AddSingleton<UploadSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<UploadSweep>());
        builder.Services.AddFigures();
        return builder;
    }

    public static WebApplication MapCases(this WebApplication app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("Cases");
        UploadFiles.Map(cases);
        ReportCase.Map(cases);
        BrowseCases.Map(cases);
        FindDuplicates.Map(cases);
        BrowseNotices.Map(cases);
        SuggestUnits.Map(cases);
        CaseRoutes.Map(cases);
        CaseForms.Map(app);
        cases.MapFigures();
        app.MapHub<CaseHub>(CaseHub.Path);
        CatalogModule.Map(app);
        return app;
    }
}
