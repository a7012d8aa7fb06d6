using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HistoryNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Note",
                table: "CaseTransitions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "NoteArguments",
                table: "CaseTransitions",
                type: "text[]",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Note",
                table: "CaseTransitions");

            migrationBuilder.DropColumn(
                name: "NoteArguments",
                table: "CaseTransitions");
        }
    }
}
