using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WelfareGraph.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    at = table.Column<DateTime>(type: "datetime2", nullable: false),
                    subject = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    client = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    roles = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    scope = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    operation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    document = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    fields = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    rows = table.Column<int>(type: "int", nullable: false),
                    outcome = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    duration_ms = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_subject_at",
                table: "audit_log",
                columns: new[] { "subject", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");
        }
    }
}
