using System.Globalization;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WelfareGraph.Centers;
using WelfareGraph.Data;
using WelfareGraph.Querying;
using WelfareGraph.Security;

namespace WelfareGraph.Tests.Exports;

/// <summary>A centre as the database holds it, with its county and province, read by hand-written SQL.</summary>
public sealed record StoredCenter(
    string Code,
    string Name,
    string? NameEn,
    CenterKind Kind,
    CenterOwnership Ownership,
    int Capacity,
    int Residents,
    string CountyCode,
    string CountyNameFa,
    string CountyNameEn,
    string ProvinceCode,
    string ProvinceNameFa,
    string ProvinceNameEn
);

/// <summary>
/// Every centre of a test server's database, read with plain SQL over the server's own connection (SQLite or
/// PostgreSQL alike) and unscoped — independent of EF queries, filters and the export code — and the check that an
/// exported centre table holds exactly the expected centres, column by column.
/// </summary>
public static class StoredCenters
{
    private const string Sql = """
        SELECT ce.code, ce.name, ce.name_en, ce.kind, ce.ownership, ce.capacity, ce.residents,
               co.code, co.name_fa, co.name_en, p.code, p.name_fa, p.name_en
        FROM centers ce JOIN counties co ON co.id = ce.county_id JOIN provinces p ON p.id = co.province_id
        """;

    public static async Task<List<StoredCenter>> ReadAsync(IServiceProvider services)
    {
        // The system context only lends its connection: the SQL is ours.
        await using var db = services.GetRequiredService<SystemDbContextFactory>().CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await using var reader = await command.ExecuteReaderAsync();
        var centers = new List<StoredCenter>();
        while (await reader.ReadAsync())
            centers.Add(
                new StoredCenter(
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2),
                    (CenterKind)reader.GetInt32(3),
                    (CenterOwnership)reader.GetInt32(4),
                    reader.GetInt32(5),
                    reader.GetInt32(6),
                    reader.GetString(7),
                    reader.GetString(8),
                    reader.GetString(9),
                    reader.GetString(10),
                    reader.GetString(11),
                    reader.GetString(12)
                )
            );
        return centers;
    }

    /// <summary>The exported rows are the expected centres, one each, every column as the GraphQL API would write it.</summary>
    public static void AssertExported(IReadOnlyCollection<StoredCenter> expected, string[] header, List<string?[]> rows)
    {
        Assert.Equal(
            expected.Select(c => c.Code).Order(StringComparer.Ordinal),
            rows.Select(r => r[Array.IndexOf(header, "code")]!).Order(StringComparer.Ordinal)
        );
        var byCode = expected.ToDictionary(c => c.Code, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            string? Cell(string column)
            {
                var index = Array.IndexOf(header, column);
                Assert.True(index >= 0, $"no column {column} in {string.Join(", ", header)}");
                return row[index];
            }
            var center = byCode[Cell("code")!];
            Assert.Equal(center.Name, Cell("name"));
            Assert.Equal(center.NameEn, Cell("nameEn"));
            // Enum values as the API writes them (GraphQL.NET's naming, not the export's).
            Assert.Equal(center.Kind.ToString().ToConstantCase(), Cell("kind"));
            Assert.Equal(center.Ownership.ToString().ToConstantCase(), Cell("ownership"));
            Assert.Equal(center.Capacity, int.Parse(Cell("capacity")!, CultureInfo.InvariantCulture));
            Assert.Equal(center.Residents, int.Parse(Cell("residents")!, CultureInfo.InvariantCulture));
            Assert.Equal(center.CountyCode, Cell("county.code"));
            Assert.Equal(center.CountyNameFa, Cell("county.nameFa"));
            Assert.Equal(center.CountyNameEn, Cell("county.nameEn"));
            Assert.Equal(center.ProvinceCode, Cell("province.code"));
            Assert.Equal(center.ProvinceNameFa, Cell("province.nameFa"));
            Assert.Equal(center.ProvinceNameEn, Cell("province.nameEn"));
        }
    }
}
