namespace CivicGrid.Modules.Cases.Figures;

/// <summary>The figures' wiring, called from <see cref="CasesModule"/>: the projection and the read endpoints. See README.md.</summary>
public static class FiguresSetup
{
    public static IServiceCollection AddFigures(this IServiceCollection services)
    {
        services.AddSingleton<FiguresProjection>();
        services.AddSingleton<FigureSums>();
        services.AddHostedService(sp => sp.GetRequiredService<FiguresProjection>());
        return services;
    }

    public static RouteGroupBuilder MapFigures(this RouteGroupBuilder cases)
    {
        ReadFigures.Map(cases);
        RankFigures.Map(cases);
        ExportFigures.Map(cases);
        return cases;
    }
}
