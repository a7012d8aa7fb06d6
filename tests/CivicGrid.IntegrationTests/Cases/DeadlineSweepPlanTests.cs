using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Cases.Jobs;
using CivicGrid.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.IntegrationTests.Cases;

/// <summary>
/// The deadline sweep runs every 30 s on every instance: its claim must find what is due through the partial indexes,
/// never by reading every case. A test database is small, so the planner is told to avoid scans to show whether it can.
/// </summary>
public sealed class DeadlineSweepPlanTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnPostgres]
    public async Task The_sweep_claim_reads_its_partial_indexes_and_scans_no_table(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        await CaseWorld.CreateAsync(app);
        await using var db = app.Db();
        var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using (var off = new Npgsql.NpgsqlCommand("SET enable_seqscan = off", conn)) await off.ExecuteNonQueryAsync();
        var sql = "EXPLAIN " + DeadlineSweep.ClaimSql.Replace("{0}", "$1").Replace("{1}", "$2");
        await using var explain = new Npgsql.NpgsqlCommand(sql, conn);
        explain.Parameters.Add(new Npgsql.NpgsqlParameter { Value = app.Clock.GetUtcNow() });
        explain.Parameters.Add(new Npgsql.NpgsqlParameter { Value = 200 });
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        var text = string.Join("\n", plan);

        Assert.DoesNotContain("Seq Scan", text);
        foreach (var index in new[] { "IX_Cases_SweepYellow", "IX_Cases_SweepRed", "IX_Cases_SweepReturns", "IX_CaseAssignments_SweepReminder" })
            Assert.True(text.Contains(index, StringComparison.Ordinal), $"{index} not used:\n{text}");
    }
}
