using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WelfareGraph.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CountyRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contributions_county_monthly",
                columns: table => new
                {
                    solar_year = table.Column<int>(type: "INTEGER", nullable: false),
                    solar_month = table.Column<int>(type: "INTEGER", nullable: false),
                    county_id = table.Column<int>(type: "INTEGER", nullable: false),
                    type = table.Column<int>(type: "INTEGER", nullable: false),
                    solar_quarter = table.Column<int>(type: "INTEGER", nullable: false),
                    sum_rial = table.Column<long>(type: "INTEGER", nullable: false),
                    row_count = table.Column<long>(type: "INTEGER", nullable: false),
                    min_rial = table.Column<long>(type: "INTEGER", nullable: false),
                    max_rial = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contributions_county_monthly", x => new { x.solar_year, x.solar_month, x.county_id, x.type });
                    table.CheckConstraint("ck_contributions_county_monthly_month", "solar_month BETWEEN 1 AND 12");
                    table.CheckConstraint("ck_contributions_county_monthly_rows", "row_count > 0");
                    table.ForeignKey(
                        name: "fk_contributions_county_monthly_counties_county_id",
                        column: x => x.county_id,
                        principalTable: "counties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contributions_county_monthly_county_id",
                table: "contributions_county_monthly",
                column: "county_id");

            // The cells of the monthly rollup already stored, summed; every write maintains both from here on.
            migrationBuilder.Sql("INSERT INTO contributions_county_monthly (solar_year, solar_month, county_id, type, solar_quarter, sum_rial, row_count, min_rial, max_rial) SELECT solar_year, solar_month, county_id, type, solar_quarter, SUM(sum_rial), SUM(row_count), MIN(min_rial), MAX(max_rial) FROM contributions_monthly GROUP BY solar_year, solar_month, county_id, type, solar_quarter");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contributions_county_monthly");
        }
    }
}
