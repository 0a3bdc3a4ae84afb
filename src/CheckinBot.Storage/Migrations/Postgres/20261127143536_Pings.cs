using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CheckinBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Pings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Pings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CollaborationId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Class = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    MessageLink = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EscalatedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Pings_CollaborationId_At",
                table: "Pings",
                columns: new[] { "CollaborationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Pings_CollaborationId_PersonId_Outcome_At",
                table: "Pings",
                columns: new[] { "CollaborationId", "PersonId", "Outcome", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Pings");
        }
    }
}
