using System.Reflection;
using CivicGrid.Persistence;
using Xunit.Sdk;

namespace CivicGrid.IntegrationTests.Infrastructure;

/// <summary>Runs a theory on the embedded SQLite database.</summary>
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}

/// <summary>Runs a theory on PostgreSQL; skipped when CIVICGRID_TEST_POSTGRES is not set (CI always sets it).</summary>
public sealed class OnPostgresAttribute : DataAttribute
{
    public const string Variable = "CIVICGRID_TEST_POSTGRES";

    public OnPostgresAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"{Variable} is not set: PostgreSQL tests need a server (see .ci/run).";
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Postgres]];
}
