using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CheckinBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LedgerRoomForTwoVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "Occurrences")
                .Annotation("Npgsql:StorageParameter:fillfactor", 40)
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 70);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "Occurrences")
                .Annotation("Npgsql:StorageParameter:fillfactor", 70)
                .OldAnnotation("Npgsql:StorageParameter:fillfactor", 40);
        }
    }
}
