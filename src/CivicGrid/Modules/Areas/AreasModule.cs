using CivicGrid.Modules.Areas.Features;
using CivicGrid.Modules.Areas.Locating;
using CivicGrid.Persistence;

namespace CivicGrid.Modules.Areas;

public static class AreasModule
{
    public static IHostApplicationBuilder AddAreas(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<GridLocator>();
        builder.Services.AddRemembered<AreaNames>();
        builder.Services.AddHostedService<GridIndexRefresher>();
        return builder;
    }

    public static WebApplication MapAreas(this WebApplication app)
    {
        var areas = app.MapGroup("/api/areas").WithTags("Areas");
        LocatePoint.Map(areas);
        BrowseAreas.Map(areas);
        ChangeAreas.Map(areas);
        MoveArea.Map(areas);
        GridGeoJson.Map(areas);
        return app;
    }
}
