using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CheckinBot.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TranscriptButtons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Buttons",
                table: "Transcript",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Buttons",
                table: "Transcript");
        }
    }
}
