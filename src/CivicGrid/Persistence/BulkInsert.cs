using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CivicGrid.Persistence;

/// <summary>
/// Writes many new rows without change tracking, for demo data and benchmark fixtures: binary COPY on PostgreSQL, one
/// prepared INSERT reused in one transaction on SQLite. Table, columns and value conversions come from the EF model, so
/// any mapped entity works and EF reads the rows back as if it had written them. It runs on the context's own connection
/// and joins the transaction the caller began. Being below SaveChanges, no interceptor runs: rows are stored exactly as
/// given (an <see cref="Shared.IVersioned"/> row keeps the Version it carries).
/// </summary>
public static class BulkInsert
{
    public static async Task WriteAsync<T>(CivicGridDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var table = Table.Of<T>(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection postgres) await CopyAsync(postgres, table, rows, ct);
            else await InsertAsync(db, table, rows, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task CopyAsync<T>(NpgsqlConnection connection, Table table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            $"COPY {table.Name} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                // Binary COPY sends each value in the column's own wire format, so name the store type
                // (varchar, text[], timestamptz, geometry…) rather than let Npgsql guess from the CLR type.
                if (column.ProviderValue(row) is { } value) await writer.WriteAsync(value, column.Mapping.StoreTypeNameBase, ct);
                else await writer.WriteNullAsync(ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    static async Task InsertAsync<T>(CivicGridDbContext db, Table table, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"INSERT INTO {table.Name} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
            // The type mapping configures each parameter as EF's own commands do (e.g. a Guid bound as upper-case TEXT on SQLite).
            var parameters = table.Columns.Select((c, i) => c.Mapping.CreateParameter(command, $"@p{i}", null, c.Nullable)).ToArray();
            command.Parameters.AddRange(parameters);
            await command.PrepareAsync(ct);
            foreach (var row in rows)
            {
                for (var i = 0; i < parameters.Length; i++) parameters[i].Value = table.Columns[i].ProviderValue(row) ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
            }
            if (owned is not null) await owned.CommitAsync(ct);
        }
        finally
        {
            if (owned is not null) await owned.DisposeAsync();
        }
    }

    sealed record Column(string Name, IProperty Property, RelationalTypeMapping Mapping, bool Nullable)
    {
        readonly IClrPropertyGetter _getter = Property.GetGetter();

        /// <summary>The value as the database stores it: through the property's converter (enum → int, List → JSON…).</summary>
        public object? ProviderValue(object entity) =>
            _getter.GetClrValueUsingContainingEntity(entity) is { } value
                ? Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value
                : null;
    }

    sealed record Table(string Name, string ColumnList, Column[] Columns)
    {
        public static Table Of<T>(CivicGridDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(T))
                         ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity of the model.");
            var name = entity.GetTableName() ?? throw new NotSupportedException($"{typeof(T).Name} is not mapped to a table.");
            var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
            var columns = entity.GetProperties()
                .Where(p => !p.IsShadowProperty())
                .Select(p => p.GetColumnName(store) is { } column
                    ? new Column(column, p, p.GetRelationalTypeMapping(), p.IsColumnNullable(store))
                    : null)
                .OfType<Column>()
                .ToArray();
            // Every column must come from a CLR property of T: a shadow property or an owned type sharing the table
            // would otherwise be left to its default without a word.
            var table = db.Model.GetRelationalModel().FindTable(name, entity.GetSchema())!;
            var unwritable = table.Columns.Select(c => c.Name)
                .Except(columns.Select(c => c.Name))
                .ToList();
            if (unwritable.Count > 0)
                throw new NotSupportedException($"BulkInsert cannot fill {name}.{string.Join(", ", unwritable)} from {typeof(T).Name}.");
            var sql = db.GetService<ISqlGenerationHelper>();
            return new Table(sql.DelimitIdentifier(name, entity.GetSchema()),
                string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name))), columns);
        }
    }
}
