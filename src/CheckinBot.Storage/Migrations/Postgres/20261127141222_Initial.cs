using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CheckinBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Collaborations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Platform = table.Column<string>(type: "text", nullable: false),
                    WorkspaceId = table.Column<string>(type: "text", nullable: false),
                    ConversationId = table.Column<string>(type: "text", nullable: false),
                    VaId = table.Column<string>(type: "text", nullable: false),
                    ClientIds = table.Column<List<string>>(type: "text[]", nullable: false),
                    TimeZone = table.Column<string>(type: "text", nullable: false),
                    Language = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Collaborations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConversationReferences",
                columns: table => new
                {
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkspaceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationReferences", x => new { x.Platform, x.WorkspaceId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Drafts",
                columns: table => new
                {
                    CollaborationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Drafts", x => x.CollaborationId);
                });

            migrationBuilder.CreateTable(
                name: "Installations",
                columns: table => new
                {
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkspaceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WorkspaceName = table.Column<string>(type: "text", nullable: true),
                    BotUserId = table.Column<string>(type: "text", nullable: true),
                    ProtectedBotToken = table.Column<string>(type: "text", nullable: false),
                    InstalledAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Installations", x => new { x.Platform, x.WorkspaceId });
                });

            migrationBuilder.CreateTable(
                name: "Occurrences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RhythmId = table.Column<Guid>(type: "uuid", nullable: false),
                    CollaborationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Due = table.Column<long>(type: "bigint", nullable: false),
                    RemindAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReminderStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LeaseOwner = table.Column<string>(type: "text", nullable: true),
                    LeaseUntil = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    PostedAt = table.Column<long>(type: "bigint", nullable: true),
                    MessageId = table.Column<string>(type: "text", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: true),
                    ClaimToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReminderToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Occurrences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    WorkspaceId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    TimeZone = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => new { x.Platform, x.WorkspaceId, x.Id });
                });

            migrationBuilder.CreateTable(
                name: "ProcessedEvents",
                columns: table => new
                {
                    Platform = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EventId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedEvents", x => new { x.Platform, x.EventId });
                });

            migrationBuilder.CreateTable(
                name: "Rhythms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CollaborationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    TimeZone = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposedBy = table.Column<string>(type: "text", nullable: false),
                    ProposedBySide = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ProposedAt = table.Column<long>(type: "bigint", nullable: false),
                    AgreedAt = table.Column<long>(type: "bigint", nullable: true),
                    PausedUntil = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    PlannedUntil = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rhythms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Transcript",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Conversation = table.Column<string>(type: "text", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    VisibleTo = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    ThreadId = table.Column<string>(type: "text", nullable: true),
                    OccurrenceKey = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transcript", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RhythmEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RhythmId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RhythmEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RhythmEvents_Rhythms_RhythmId",
                        column: x => x.RhythmId,
                        principalTable: "Rhythms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Collaborations_Platform_WorkspaceId_ConversationId",
                table: "Collaborations",
                columns: new[] { "Platform", "WorkspaceId", "ConversationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Collaborations_Platform_WorkspaceId_VaId",
                table: "Collaborations",
                columns: new[] { "Platform", "WorkspaceId", "VaId" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_CollaborationId_Due",
                table: "Occurrences",
                columns: new[] { "CollaborationId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_ReminderStatus_RemindAt",
                table: "Occurrences",
                columns: new[] { "ReminderStatus", "RemindAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_RhythmId_Due",
                table: "Occurrences",
                columns: new[] { "RhythmId", "Due" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Occurrences_Status_Due",
                table: "Occurrences",
                columns: new[] { "Status", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedEvents_At",
                table: "ProcessedEvents",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_RhythmEvents_RhythmId",
                table: "RhythmEvents",
                column: "RhythmId");

            migrationBuilder.CreateIndex(
                name: "IX_Rhythms_CollaborationId_Number",
                table: "Rhythms",
                columns: new[] { "CollaborationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rhythms_State",
                table: "Rhythms",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Transcript_OccurrenceKey",
                table: "Transcript",
                column: "OccurrenceKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Collaborations");

            migrationBuilder.DropTable(
                name: "ConversationReferences");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Drafts");

            migrationBuilder.DropTable(
                name: "Installations");

            migrationBuilder.DropTable(
                name: "Occurrences");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "ProcessedEvents");

            migrationBuilder.DropTable(
                name: "RhythmEvents");

            migrationBuilder.DropTable(
                name: "Transcript");

            migrationBuilder.DropTable(
                name: "Rhythms");
        }
    }
}
