using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CivicGrid.Persistence;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Chooses the provider from configuration: Database:Provider = Sqlite (default, file under ./data/) or Postgres
/// (ConnectionStrings:CivicGrid). Each provider has its own context subclass and migrations (docs/adr/0002).
/// </summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var provider = Provider(config);
        var connection = ConnectionString(config, provider, builder.Environment.ContentRootPath);

        builder.Services.AddScoped(sp =>
        {
            var user = sp.GetRequiredService<CurrentUser>();
            return new ScopeSource(() => user.Scope);
        });
        // Contexts come from a pool: a request's context reuses the internal services (query translators, change
        // tracker, connection) an earlier one set up, instead of building them again (bench/RESULTS.md). The options
        // are the same for every caller; the interceptors keep nothing between saves. The caller's scope is set on
        // the way out of the pool and dropped on the way back (CivicGridDbContext.Dispose).
        if (provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddPooledDbContextFactory<PostgresCivicGridDbContext>((sp, o) => Configure(o, provider, connection, sp));
            builder.Services.AddScoped<CivicGridDbContext>(sp => sp.GetRequiredService<IDbContextFactory<PostgresCivicGridDbContext>>()
                .CreateDbContext().WithScope(sp.GetRequiredService<ScopeSource>()));
        }
        else
        {
            builder.Services.AddPooledDbContextFactory<SqliteCivicGridDbContext>((sp, o) => Configure(o, provider, connection, sp));
            builder.Services.AddScoped<CivicGridDbContext>(sp => sp.GetRequiredService<IDbContextFactory<SqliteCivicGridDbContext>>()
                .CreateDbContext().WithScope(sp.GetRequiredService<ScopeSource>()));
        }
        return builder;
    }

    public static void Configure(DbContextOptionsBuilder o, DatabaseProvider provider, string connection, IServiceProvider? services = null)
    {
        if (provider == DatabaseProvider.Postgres)
            o.UseNpgsql(connection, n => n.UseNetTopologySuite());
        else
            o.UseSqlite(connection);
        o.AddInterceptors(new VersionInterceptor(), new Modules.Cases.Persistence.CaseHistoryWriter(services?.GetService<Modules.Cases.Live.CaseFeed>()),
            new RememberedTables(services?.GetServices<IRemembered>().ToList() ?? []));
    }

    public static string ConnectionString(IConfiguration config, DatabaseProvider provider, string contentRoot)
    {
        var configured = config.GetConnectionString("CivicGrid");
        if (!string.IsNullOrWhiteSpace(configured)) return provider == DatabaseProvider.Postgres ? WithPreparedStatements(configured) : configured;
        if (provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:CivicGrid is not set.");
        var dir = Path.Combine(contentRoot, "data");
        Directory.CreateDirectory(dir);
        return $"Data Source={Path.Combine(dir, "civicgrid.db")}";
    }

    /// <summary>
    /// Npgsql's automatic preparation, unless the connection string says otherwise: the app sends the same few hundred
    /// statements all day, and a prepared one skips PostgreSQL's parse and plan (a fifth to a third of the database's
    /// CPU per intake and per dashboard request, bench/RESULTS.md). <c>Max Auto Prepare=0</c> turns it off (a pooler
    /// that cannot keep prepared statements).
    /// </summary>
    public static string WithPreparedStatements(string connection)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare")) return connection;
        return new Npgsql.NpgsqlConnectionStringBuilder(connection) { MaxAutoPrepare = 100, AutoPrepareMinUsages = 2 }.ConnectionString;
    }
}

/// <summary>Lets 'dotnet ef migrations add' build each provider's model without starting the app.</summary>
sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCivicGridDbContext>
{
    public SqliteCivicGridDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteCivicGridDbContext>();
        DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, "Data Source=design.db");
        return new SqliteCivicGridDbContext(o.Options).WithScope(DataScope.Unrestricted);
    }
}

sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresCivicGridDbContext>
{
    public PostgresCivicGridDbContext CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresCivicGridDbContext>();
        DatabaseSetup.Configure(o, DatabaseProvider.Postgres, "Host=localhost;Database=design");
        return new PostgresCivicGridDbContext(o.Options).WithScope(DataScope.Unrestricted);
    }
}
