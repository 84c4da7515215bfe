namespace WelfareGraph.Data;

/// <summary>The collation each provider sorts Persian text with (alef, be, pe, te … ye).</summary>
public static class PersianCollation
{
    /// <summary>Registered on every SQLite connection by <see cref="SqliteConnectionSetup"/>: .NET's ICU fa-IR comparison.</summary>
    public const string Sqlite = "PERSIAN";
    public const string Postgres = "fa-IR-x-icu";
    public const string SqlServer = "Persian_100_CI_AI";

    public static string? For(WelfareDbContext db) =>
        db.Database.ProviderName switch
        {
            "Microsoft.EntityFrameworkCore.Sqlite" => Sqlite,
            "Npgsql.EntityFrameworkCore.PostgreSQL" => Postgres,
            "Microsoft.EntityFrameworkCore.SqlServer" => SqlServer,
            _ => null,
        };
}
