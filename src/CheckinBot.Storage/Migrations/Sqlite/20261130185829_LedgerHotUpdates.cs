using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CheckinBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerHotUpdates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Occurrences_ReminderStatus_RemindAt",
                table: "Occurrences");

            migrationBuilder.DropIndex(
                name: "IX_Occurrences_Status_Due_LeaseUntil",
                table: "Occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_Due_Pending",
                table: "Occurrences",
                column: "Due",
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_RemindAt_Pending",
                table: "Occurrences",
                column: "RemindAt",
                filter: "\"ReminderStatus\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Occurrences_Due_Pending",
                table: "Occurrences");

            migrationBuilder.DropIndex(
                name: "IX_Occurrences_RemindAt_Pending",
                table: "Occurrences");

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_ReminderStatus_RemindAt",
                table: "Occurrences",
                columns: new[] { "ReminderStatus", "RemindAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_Status_Due_LeaseUntil",
                table: "Occurrences",
                columns: new[] { "Status", "Due", "LeaseUntil" });
        }
    }
}
