using CivicGrid.Modules.Open311.Features;

namespace CivicGrid.Modules.Open311;

/// <summary>
/// Open311 GeoReport v2 (第三方应用接入) under <c>/open311/v2</c>: discovery, the catalog as services, filing requests
/// through the case intake, the public request feed and FixMyStreet's request updates. See README.md.
/// </summary>
public static class Open311Module
{
    public static IHostApplicationBuilder AddOpen311(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<Open311Options>(builder.Configuration.GetSection("Open311"));
        builder.Services.AddScoped<Open311Clients>();
        return builder;
    }

    public static WebApplication MapOpen311(this WebApplication app)
    {
        // Anonymous by design: reading is public, and filing is authorised by the api_key in the form, not a sign-in.
        var open311 = app.MapGroup("/open311/v2").WithTags("Open311").AllowAnonymous();
        GetDiscovery.Map(open311);
        ListServices.Map(open311);
        SubmitServiceRequest.Map(open311);
        ListServiceRequests.Map(open311);
        GetToken.Map(open311);
        ListRequestUpdates.Map(open311);
        return app;
    }
}
