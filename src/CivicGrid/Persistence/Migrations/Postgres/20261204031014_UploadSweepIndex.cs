using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UploadSweepIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Uploads_Unused",
                table: "Uploads",
                column: "At",
                filter: "\"UsedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Uploads_Unused",
                table: "Uploads");
        }
    }
}
