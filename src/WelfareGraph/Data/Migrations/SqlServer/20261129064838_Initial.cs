using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace WelfareGraph.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "provinces",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    code = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    name_fa = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provinces", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "counties",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    code = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    name_fa = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    name_en = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    province_id = table.Column<int>(type: "int", nullable: false),
                    total_households = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_counties", x => x.id);
                    table.ForeignKey(
                        name: "fk_counties_provinces_province_id",
                        column: x => x.province_id,
                        principalTable: "provinces",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "centers",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    code = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    kind = table.Column<int>(type: "int", nullable: false),
                    ownership = table.Column<int>(type: "int", nullable: false),
                    capacity = table.Column<int>(type: "int", nullable: false),
                    residents = table.Column<int>(type: "int", nullable: false),
                    county_id = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_centers", x => x.id);
                    table.CheckConstraint("ck_centers_capacity", "capacity >= 0");
                    table.CheckConstraint("ck_centers_residents", "residents >= 0");
                    table.ForeignKey(
                        name: "fk_centers_counties_county_id",
                        column: x => x.county_id,
                        principalTable: "counties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "charities",
                columns: table => new
                {
                    id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    code = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    name_en = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    licence_no = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    county_id = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_charities", x => x.id);
                    table.ForeignKey(
                        name: "fk_charities_counties_county_id",
                        column: x => x.county_id,
                        principalTable: "counties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "households",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    pseudonym = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    county_id = table.Column<int>(type: "int", nullable: false),
                    benefit = table.Column<int>(type: "int", nullable: false),
                    covered_since = table.Column<DateOnly>(type: "date", nullable: false),
                    covered_until = table.Column<DateOnly>(type: "date", nullable: true),
                    exit_reason = table.Column<int>(type: "int", nullable: true),
                    members = table.Column<int>(type: "int", nullable: false),
                    source_system = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_households", x => x.id);
                    table.CheckConstraint("ck_households_members", "members > 0");
                    table.ForeignKey(
                        name: "fk_households_counties_county_id",
                        column: x => x.county_id,
                        principalTable: "counties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contributions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    solar_year = table.Column<int>(type: "int", nullable: false),
                    solar_quarter = table.Column<int>(type: "int", nullable: false),
                    solar_month = table.Column<int>(type: "int", nullable: false),
                    type = table.Column<int>(type: "int", nullable: false),
                    sector = table.Column<int>(type: "int", nullable: false),
                    intent = table.Column<int>(type: "int", nullable: false),
                    channel = table.Column<int>(type: "int", nullable: false),
                    amount_rial = table.Column<long>(type: "bigint", nullable: false),
                    quantity = table.Column<decimal>(type: "decimal(18,3)", precision: 18, scale: 3, nullable: true),
                    quantity_unit = table.Column<int>(type: "int", nullable: true),
                    description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    valuation_basis = table.Column<int>(type: "int", nullable: true),
                    county_id = table.Column<int>(type: "int", nullable: false),
                    center_id = table.Column<int>(type: "int", nullable: true),
                    charity_id = table.Column<int>(type: "int", nullable: true),
                    source_system = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    external_id = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contributions", x => x.id);
                    table.CheckConstraint("ck_contributions_amount", "amount_rial > 0");
                    table.ForeignKey(
                        name: "fk_contributions_centers_center_id",
                        column: x => x.center_id,
                        principalTable: "centers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contributions_charities_charity_id",
                        column: x => x.charity_id,
                        principalTable: "charities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contributions_counties_county_id",
                        column: x => x.county_id,
                        principalTable: "counties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "provinces",
                columns: new[] { "id", "code", "name_en", "name_fa" },
                values: new object[,]
                {
                    { 1, "IR-00", "Markazi", "مرکزی" },
                    { 2, "IR-01", "Gilan", "گیلان" },
                    { 3, "IR-02", "Mazandaran", "مازندران" },
                    { 4, "IR-03", "East Azerbaijan", "آذربایجان شرقی" },
                    { 5, "IR-04", "West Azerbaijan", "آذربایجان غربی" },
                    { 6, "IR-05", "Kermanshah", "کرمانشاه" },
                    { 7, "IR-06", "Khuzestan", "خوزستان" },
                    { 8, "IR-07", "Fars", "فارس" },
                    { 9, "IR-08", "Kerman", "کرمان" },
                    { 10, "IR-09", "Razavi Khorasan", "خراسان رضوی" },
                    { 11, "IR-10", "Isfahan", "اصفهان" },
                    { 12, "IR-11", "Sistan and Baluchestan", "سیستان و بلوچستان" },
                    { 13, "IR-12", "Kurdistan", "کردستان" },
                    { 14, "IR-13", "Hamadan", "همدان" },
                    { 15, "IR-14", "Chaharmahal and Bakhtiari", "چهارمحال و بختیاری" },
                    { 16, "IR-15", "Lorestan", "لرستان" },
                    { 17, "IR-16", "Ilam", "ایلام" },
                    { 18, "IR-17", "Kohgiluyeh and Boyer-Ahmad", "کهگیلویه و بویراحمد" },
                    { 19, "IR-18", "Bushehr", "بوشهر" },
                    { 20, "IR-19", "Zanjan", "زنجان" },
                    { 21, "IR-20", "Semnan", "سمنان" },
                    { 22, "IR-21", "Yazd", "یزد" },
                    { 23, "IR-22", "Hormozgan", "هرمزگان" },
                    { 24, "IR-23", "Tehran", "تهران" },
                    { 25, "IR-24", "Ardabil", "اردبیل" },
                    { 26, "IR-25", "Qom", "قم" },
                    { 27, "IR-26", "Qazvin", "قزوین" },
                    { 28, "IR-27", "Golestan", "گلستان" },
                    { 29, "IR-28", "North Khorasan", "خراسان شمالی" },
                    { 30, "IR-29", "South Khorasan", "خراسان جنوبی" },
                    { 31, "IR-30", "Alborz", "البرز" }
                });

            migrationBuilder.CreateIndex(
                name: "ix_centers_code",
                table: "centers",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_centers_county_id_kind",
                table: "centers",
                columns: new[] { "county_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_charities_code",
                table: "charities",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_charities_county_id",
                table: "charities",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_center_id",
                table: "contributions",
                column: "center_id");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_charity_id",
                table: "contributions",
                column: "charity_id");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_county_id_date",
                table: "contributions",
                columns: new[] { "county_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_contributions_date",
                table: "contributions",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_solar_year_solar_month_county_id_type_sector",
                table: "contributions",
                columns: new[] { "solar_year", "solar_month", "county_id", "type", "sector" })
                .Annotation("SqlServer:Include", new[] { "amount_rial" });

            migrationBuilder.CreateIndex(
                name: "ix_contributions_source_system_external_id",
                table: "contributions",
                columns: new[] { "source_system", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_counties_code",
                table: "counties",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_counties_province_id",
                table: "counties",
                column: "province_id");

            migrationBuilder.CreateIndex(
                name: "ix_households_county_id_benefit_covered_since_covered_until",
                table: "households",
                columns: new[] { "county_id", "benefit", "covered_since", "covered_until" });

            migrationBuilder.CreateIndex(
                name: "ix_households_pseudonym",
                table: "households",
                column: "pseudonym",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_provinces_code",
                table: "provinces",
                column: "code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contributions");

            migrationBuilder.DropTable(
                name: "households");

            migrationBuilder.DropTable(
                name: "centers");

            migrationBuilder.DropTable(
                name: "charities");

            migrationBuilder.DropTable(
                name: "counties");

            migrationBuilder.DropTable(
                name: "provinces");
        }
    }
}
