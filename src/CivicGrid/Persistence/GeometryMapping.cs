using CivicGrid.Modules.Areas.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace CivicGrid.Persistence;

/// <summary>
/// Grid polygons are PostGIS geometry(Polygon,4326) on PostgreSQL and WKB blobs on SQLite
/// (the SQLite NTS provider is not available here; ARCHITECTURE.md "Geography").
/// </summary>
static class GeometryMapping
{
    public static void Configure(ModelBuilder b, string? provider)
    {
        var boundary = b.Entity<Area>().Property(a => a.Boundary);
        if (provider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            boundary.HasColumnType("geometry(Polygon,4326)");
            b.Entity<Area>().HasIndex(a => a.Boundary).HasMethod("gist");
        }
        else
        {
            boundary.HasConversion(new ValueConverter<Polygon?, byte[]?>(
                p => p == null ? null : new WKBWriter().Write(p),
                bytes => bytes == null ? null : ReadPolygon(bytes)));
        }
    }

    static Polygon ReadPolygon(byte[] bytes)
    {
        var polygon = (Polygon)new WKBReader().Read(bytes);
        polygon.SRID = 4326;
        return polygon;
    }
}
