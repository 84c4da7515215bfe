using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace WelfareGraph.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Ingestion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contributions_solar_year_solar_month_county_id_type_sector",
                table: "contributions");

            migrationBuilder.AddColumn<bool>(
                name: "is_retracted",
                table: "contributions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "retracted_at",
                table: "contributions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "retraction_reason",
                table: "contributions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "change_feed",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    entity = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    source_system = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    county_id = table.Column<int>(type: "integer", nullable: false),
                    committed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_feed", x => x.sequence);
                    table.ForeignKey(
                        name: "fk_change_feed_counties_county_id",
                        column: x => x.county_id,
                        principalTable: "counties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "closed_periods",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    closed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_closed_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_closed_periods_provinces_province_id",
                        column: x => x.province_id,
                        principalTable: "provinces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "feed_clock",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feed_clock", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "published_reports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    province_id = table.Column<int>(type: "integer", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    period_label = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    figures_json = table.Column<string>(type: "text", nullable: false),
                    statement_fa = table.Column<string>(type: "text", nullable: false),
                    statement_en = table.Column<string>(type: "text", nullable: false),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_published_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_published_reports_provinces_province_id",
                        column: x => x.province_id,
                        principalTable: "provinces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "feed_clock",
                columns: new[] { "id", "value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_contributions_solar_year_solar_month_county_id_type_sector",
                table: "contributions",
                columns: new[] { "solar_year", "solar_month", "county_id", "type", "sector" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount_rial", "is_retracted" });

            migrationBuilder.CreateIndex(
                name: "ix_change_feed_county_id",
                table: "change_feed",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_change_feed_entity_sequence",
                table: "change_feed",
                columns: new[] { "entity", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_closed_periods_province_id_year_month",
                table: "closed_periods",
                columns: new[] { "province_id", "year", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_published_reports_province_id_published_at",
                table: "published_reports",
                columns: new[] { "province_id", "published_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_feed");

            migrationBuilder.DropTable(
                name: "closed_periods");

            migrationBuilder.DropTable(
                name: "feed_clock");

            migrationBuilder.DropTable(
                name: "published_reports");

            migrationBuilder.DropIndex(
                name: "ix_contributions_solar_year_solar_month_county_id_type_sector",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "is_retracted",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "retracted_at",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "retraction_reason",
                table: "contributions");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_solar_year_solar_month_county_id_type_sector",
                table: "contributions",
                columns: new[] { "solar_year", "solar_month", "county_id", "type", "sector" })
                .Annotation("Npgsql:IndexInclude", new[] { "amount_rial" });
        }
    }
}
