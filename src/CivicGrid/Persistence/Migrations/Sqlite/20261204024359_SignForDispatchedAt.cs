using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SignForDispatchedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DispatchedAt",
                table: "CaseTransitions",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DispatchedAt",
                table: "CaseTransitions");
        }
    }
}
