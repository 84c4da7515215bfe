using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace WelfareGraph.Data;

/// <summary>
/// Inserts many rows of one entity type without the change tracker: PostgreSQL binary COPY, elsewhere
/// one prepared INSERT reused in a single transaction. Columns and conversions come from the EF model,
/// so the table shape is written down once. Store-generated keys are left to the database.
/// </summary>
public static class BulkCopy
{
    public static async Task InsertAsync<T>(WelfareDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        var entityType =
            db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType
            .GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => new Column(p.GetColumnName(table)!, p.GetColumnType(), p.GetGetter(), p.GetTypeMapping().Converter))
            .ToArray();

        // Inside the caller's transaction when there is one (ingestion), else in a transaction of its own.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection npgsql)
                await CopyAsync(npgsql, table.Name, columns, rows, cancellationToken);
            else
                await InsertPreparedAsync(db, table.Name, columns, rows, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAsync<T>(
        NpgsqlConnection connection,
        string table,
        Column[] columns,
        IEnumerable<T> rows,
        CancellationToken cancellationToken
    )
        where T : class
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)",
            cancellationToken
        );
        // After the last row the server may work for minutes (the indexes of millions of rows): the caller's token
        // bounds the copy (a request's deadline), not a read timeout meant for one command.
        importer.Timeout = TimeSpan.Zero;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                var value = column.ProviderValue(row);
                if (value is null)
                    await importer.WriteNullAsync(cancellationToken);
                else
                    await importer.WriteAsync(value, column.DataTypeName, cancellationToken);
            }
        }
        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task InsertPreparedAsync<T>(
        WelfareDbContext db,
        string table,
        Column[] columns,
        IEnumerable<T> rows,
        CancellationToken cancellationToken
    )
        where T : class
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var outer = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var own = outer is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        await using var command = connection.CreateCommand();
        command.Transaction = outer ?? own;
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns
            .Select(
                (_, i) =>
                {
                    DbParameter parameter = command.CreateParameter();
                    parameter.ParameterName = "@p" + i;
                    command.Parameters.Add(parameter);
                    return parameter;
                }
            )
            .ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        if (own is not null)
            await own.CommitAsync(cancellationToken);
    }

    private sealed record Column(
        string Name,
        string StoreType,
        IClrPropertyGetter Getter,
        Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? Converter
    )
    {
        /// <summary>The store type without its length or precision: a PostgreSQL data type name (worked out once, not per cell).</summary>
        public string DataTypeName { get; } = StoreType.Split('(')[0];

        public object? ProviderValue(object entity)
        {
            var value = Getter.GetClrValueUsingContainingEntity(entity);
            return value is null || Converter is null ? value : Converter.ConvertToProvider(value);
        }
    }
}
