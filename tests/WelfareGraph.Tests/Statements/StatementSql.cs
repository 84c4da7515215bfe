using Microsoft.Data.Sqlite;

namespace WelfareGraph.Tests.Statements;

/// <summary>The statement's figures by hand-written SQL over the server's own SQLite file, in rial.</summary>
public sealed class StatementSql(string connectionString)
{
    /// <summary>Contribution totals of a province's counties (or of the given counties) in months of a year, by the key column.</summary>
    public Dictionary<string, long> Sums(string key, int year, int fromMonth, int toMonth, string province, string[]? counties = null) =>
        Rows(
            $"""
            SELECT {key}, SUM(c.amount_rial)
            FROM contributions c
            JOIN counties co ON co.id = c.county_id
            JOIN provinces p ON p.id = co.province_id
            WHERE NOT c.is_retracted AND p.code = $province
              AND c.solar_year = $year AND c.solar_month BETWEEN $from AND $to
              {CountyCondition(counties)}
            GROUP BY {key}
            """,
            new()
            {
                ["$province"] = province,
                ["$year"] = year,
                ["$from"] = fromMonth,
                ["$to"] = toMonth,
            }
        );

    /// <summary>Households covered on a day (ISO date), by county code and benefit (0 pension, 1 other services).</summary>
    public Dictionary<string, long> CoveredHouseholds(string province, string day, string[]? counties = null) =>
        Rows(
            $"""
            SELECT co.code || ':' || h.benefit, COUNT(*)
            FROM households h
            JOIN counties co ON co.id = h.county_id
            JOIN provinces p ON p.id = co.province_id
            WHERE p.code = $province AND h.covered_since <= $day AND (h.covered_until IS NULL OR h.covered_until >= $day)
              {CountyCondition(counties)}
            GROUP BY co.code, h.benefit
            """,
            new() { ["$province"] = province, ["$day"] = day }
        );

    /// <summary>County code → Persian and English name.</summary>
    public Dictionary<string, (string Fa, string En)> Counties(string province)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT co.code, co.name_fa, co.name_en FROM counties co JOIN provinces p ON p.id = co.province_id WHERE p.code = $province";
        command.Parameters.AddWithValue("$province", province);
        var result = new Dictionary<string, (string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            result[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2));
        return result;
    }

    /// <summary>The audit log's entries of one caller: operation (the trusted document's name), scope and outcome.</summary>
    public List<(string? Operation, string Scope, string Outcome)> Audited(string subject)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT operation, scope, outcome FROM audit_log WHERE subject = $subject ORDER BY id";
        command.Parameters.AddWithValue("$subject", subject);
        var result = new List<(string?, string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            result.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return result;
    }

    private static string CountyCondition(string[]? counties) =>
        counties is null ? "" : $"AND co.code IN ({string.Join(", ", counties.Select(c => $"'{c.Replace("'", "''")}'"))})";

    private Dictionary<string, long> Rows(string sql, Dictionary<string, object> parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var result = new Dictionary<string, long>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            result[Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!] = reader.GetInt64(1);
        return result;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }
}
