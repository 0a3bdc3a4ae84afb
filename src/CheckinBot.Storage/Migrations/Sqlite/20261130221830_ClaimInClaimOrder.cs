using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CheckinBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimInClaimOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Occurrences_Due_Pending",
                table: "Occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_Claim_Pending",
                table: "Occurrences",
                columns: new[] { "Due", "CollaborationId", "Id" },
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Occurrences_Claim_Pending",
                table: "Occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_Due_Pending",
                table: "Occurrences",
                column: "Due",
                filter: "\"Status\" = 'Pending'");
        }
    }
}
