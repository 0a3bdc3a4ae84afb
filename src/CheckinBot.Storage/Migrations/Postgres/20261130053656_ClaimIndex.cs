using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CheckinBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClaimIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Occurrences_Status_Due",
                table: "Occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_Status_Due_LeaseUntil",
                table: "Occurrences",
                columns: new[] { "Status", "Due", "LeaseUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Occurrences_Status_Due_LeaseUntil",
                table: "Occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_Status_Due",
                table: "Occurrences",
                columns: new[] { "Status", "Due" });
        }
    }
}
