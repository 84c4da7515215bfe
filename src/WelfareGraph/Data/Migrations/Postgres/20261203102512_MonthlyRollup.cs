using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WelfareGraph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MonthlyRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "audit_log",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "contributions_monthly",
                columns: table => new
                {
                    solar_year = table.Column<int>(type: "integer", nullable: false),
                    solar_month = table.Column<int>(type: "integer", nullable: false),
                    county_id = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    sector = table.Column<int>(type: "integer", nullable: false),
                    intent = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<int>(type: "integer", nullable: false),
                    solar_quarter = table.Column<int>(type: "integer", nullable: false),
                    sum_rial = table.Column<long>(type: "bigint", nullable: false),
                    row_count = table.Column<long>(type: "bigint", nullable: false),
                    min_rial = table.Column<long>(type: "bigint", nullable: false),
                    max_rial = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contributions_monthly", x => new { x.solar_year, x.solar_month, x.county_id, x.type, x.sector, x.intent, x.channel });
                    table.CheckConstraint("ck_contributions_monthly_month", "solar_month BETWEEN 1 AND 12");
                    table.CheckConstraint("ck_contributions_monthly_rows", "row_count > 0");
                    table.ForeignKey(
                        name: "fk_contributions_monthly_counties_county_id",
                        column: x => x.county_id,
                        principalTable: "counties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contributions_monthly_county_id_solar_year_solar_month",
                table: "contributions_monthly",
                columns: new[] { "county_id", "solar_year", "solar_month" });

            // The cells of the facts already stored; every write maintains them from here on.
            migrationBuilder.Sql("INSERT INTO contributions_monthly (solar_year, solar_month, county_id, type, sector, intent, channel, solar_quarter, sum_rial, row_count, min_rial, max_rial) SELECT solar_year, solar_month, county_id, type, sector, intent, channel, solar_quarter, SUM(amount_rial), COUNT(*), MIN(amount_rial), MAX(amount_rial) FROM contributions WHERE NOT is_retracted GROUP BY solar_year, solar_month, county_id, type, sector, intent, channel, solar_quarter");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contributions_monthly");

            migrationBuilder.DropColumn(
                name: "source",
                table: "audit_log");
        }
    }
}
