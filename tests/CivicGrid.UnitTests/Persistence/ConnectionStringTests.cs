using CivicGrid.Persistence;
using Npgsql;

namespace CivicGrid.UnitTests.Persistence;

public sealed class ConnectionStringTests
{
    [Fact]
    public void PostgreSQL_statements_are_prepared_automatically_unless_the_connection_string_says_otherwise()
    {
        var given = "Host=db;Port=5432;Username=civic;Password=secret;Database=civicgrid;Maximum Pool Size=64";
        var used = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithPreparedStatements(given));
        Assert.Equal(100, used.MaxAutoPrepare);
        Assert.Equal(2, used.AutoPrepareMinUsages);
        // Everything else as given, the password included.
        Assert.Equal(("db", 5432, "civic", "secret", "civicgrid", 64),
            (used.Host, used.Port, used.Username, used.Password, used.Database, used.MaxPoolSize));

        foreach (var off in new[] { "Host=db;Max Auto Prepare=0", "Host=db;MaxAutoPrepare=0", "Host=db;max auto prepare=5" })
            Assert.Equal(off, DatabaseSetup.WithPreparedStatements(off));
    }
}
