using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WelfareGraph.Data.Migrations.Sqlite
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
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    client = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    roles = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    document = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    fields = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    rows = table.Column<int>(type: "INTEGER", nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    duration_ms = table.Column<int>(type: "INTEGER", nullable: false)
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
