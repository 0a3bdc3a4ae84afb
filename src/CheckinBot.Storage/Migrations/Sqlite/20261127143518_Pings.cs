using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CheckinBot.Storage.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CollaborationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Class = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    MessageLink = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
