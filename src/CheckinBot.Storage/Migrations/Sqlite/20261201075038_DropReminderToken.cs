using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CheckinBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropReminderToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReminderToken",
                table: "Occurrences");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReminderToken",
                table: "Occurrences",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }
    }
}
