using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicGrid.Shared.Files;

/// <summary>Wires file storage and upload limits: <c>builder.AddFiles();</c> in Program.cs.</summary>
public static class FilesSetup
{
    public static IHostApplicationBuilder AddFiles(this IHostApplicationBuilder builder)
    {
        // Read once at start so a bad limit stops the app before the first upload.
        builder.Services.AddSingleton(UploadLimits.FromConfiguration(builder.Configuration));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IFileStore>(sp => DiskFileStore.FromConfiguration(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>(), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
