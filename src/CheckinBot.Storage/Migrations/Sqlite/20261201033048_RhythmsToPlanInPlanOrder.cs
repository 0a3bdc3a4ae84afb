using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CheckinBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RhythmsToPlanInPlanOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Rhythms_ToPlan",
                table: "Rhythms",
                columns: new[] { "PlannedUntil", "CollaborationId", "Id" },
                filter: "(\"State\" = 'Agreed' OR (\"State\" = 'Paused' AND \"PausedUntil\" IS NOT NULL))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rhythms_ToPlan",
                table: "Rhythms");
        }
    }
}
