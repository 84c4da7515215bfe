using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WelfareGraph.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DurableExportJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "export_jobs",
                columns: table => new
                {
                    id = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    owner = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    client = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    roles = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    permissions = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    scope = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    request = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    format = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    mode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    state = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    rows_written = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: true),
                    stored_name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    error = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    error_code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    started_at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    finished_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    cancel_requested = table.Column<bool>(type: "bit", nullable: false),
                    holder = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "datetime2", nullable: true),
                    attempts = table.Column<int>(type: "int", nullable: false),
                    running_slot = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_export_jobs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_export_jobs_finished_at",
                table: "export_jobs",
                column: "finished_at");

            migrationBuilder.CreateIndex(
                name: "ix_export_jobs_owner_running_slot",
                table: "export_jobs",
                columns: new[] { "owner", "running_slot" },
                unique: true,
                filter: "[running_slot] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_export_jobs_state_lease_expires_at",
                table: "export_jobs",
                columns: new[] { "state", "lease_expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "export_jobs");
        }
    }
}
