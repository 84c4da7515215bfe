using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WelfareGraph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartialSlicingIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contributions_solar_year_solar_month_county_id_type_sector",
                table: "contributions");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_solar_year_solar_month_county_id_type_sector",
                table: "contributions",
                columns: new[] { "solar_year", "solar_month", "county_id", "type", "sector" },
                filter: "NOT is_retracted")
                .Annotation("Npgsql:IndexInclude", new[] { "amount_rial" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contributions_solar_year_solar_month_county_id_type_sector",
                table: "contributions");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_solar_year_solar_month_county_id_type_sector",
                table: "contributions",
                columns: new[] { "solar_year", "solar_month", "county_id", "type", "sector" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount_rial", "is_retracted" });
        }
    }
}
