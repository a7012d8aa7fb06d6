using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoteArguments",
                table: "CaseTransitions",
                type: "TEXT",
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
