using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WelfareGraph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RollupCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_contributions_monthly_covering",
                table: "contributions_monthly",
                columns: new[] { "solar_year", "solar_month", "county_id", "type", "sector", "intent", "channel" })
                .Annotation("Npgsql:IndexInclude", new[] { "solar_quarter", "row_count", "sum_rial", "min_rial", "max_rial" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contributions_monthly_covering",
                table: "contributions_monthly");
        }
    }
}
