using CivicGrid.IntegrationTests.Infrastructure;
using CivicGrid.Modules.Areas.Domain;
using CivicGrid.Modules.People.Domain;
using CivicGrid.Persistence;
using CivicGrid.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CivicGrid.IntegrationTests.Persistence;

/// <summary>Rows written by BulkInsert are stored the way EF stores them: EF finds them by id and reads every value back.</summary>
public sealed class BulkInsertTests(Apps apps) : IClassFixture<Apps>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Rows_read_back_through_EF_with_every_value_and_match_filters(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var (grid, household) = Place();
        var resident = A.Resident(household, protector).Entity;
        resident.ResidenceType = ResidenceType.Floating;
        resident.Tags = [ResidentTags.Veteran, ResidentTags.PartyMember];
        resident.CreatedAt = new DateTimeOffset(2026, 11, 23, 8, 30, 15, 123, TimeSpan.Zero);
        var withoutPhone = A.Resident(household, protector).Entity;
        withoutPhone.SetPhone(null, protector);

        await using (var db = app.Db())
        {
            await BulkInsert.WriteAsync(db, [grid], CancellationToken.None);
            await BulkInsert.WriteAsync(db, [household], CancellationToken.None);
            await BulkInsert.WriteAsync(db, [resident, withoutPhone], CancellationToken.None);
        }

        await using var read = app.Db();
        var storedGrid = await read.Areas.SingleAsync(a => a.Id == grid.Id);
        Assert.Equal(grid.Boundary, storedGrid.Boundary);
        Assert.Equal(grid.Responsibilities, storedGrid.Responsibilities);
        Assert.Equal(AreaLevel.Grid, storedGrid.Level);

        var storedHousehold = await read.Households.SingleAsync(h => h.Id == household.Id);
        Assert.True(storedHousehold.Vacant);
        Assert.Equal(0, storedHousehold.Version);

        var stored = await read.Residents.SingleAsync(r => r.Id == resident.Id);
        Assert.Equivalent(resident, stored, strict: true);
        Assert.Equal(resident.CreatedAt, stored.CreatedAt);
        var storedWithoutPhone = await read.Residents.SingleAsync(r => r.Id == withoutPhone.Id);
        Assert.Null(storedWithoutPhone.PhoneCipher);
        Assert.Null(storedWithoutPhone.PhoneHash);

        // Queries that compare stored values with EF's parameters: foreign key, enum, date, hash.
        Assert.Equal(2, await read.Residents.CountAsync(r => r.HouseholdId == household.Id));
        Assert.Equal(resident.Id, await read.Residents.Where(r => r.HouseholdId == household.Id && r.ResidenceType == ResidenceType.Floating
            && r.BirthDate == resident.BirthDate && r.IdCardHash == resident.IdCardHash).Select(r => r.Id).SingleAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Joins_the_callers_transaction(DatabaseProvider provider)
    {
        var app = await apps.For(provider);
        var (grid, household) = Place();

        await using (var db = app.Db())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await BulkInsert.WriteAsync(db, [grid], CancellationToken.None);
            await BulkInsert.WriteAsync(db, [household], CancellationToken.None);
            Assert.True(await db.Households.AnyAsync(h => h.Id == household.Id));
            await transaction.RollbackAsync();
        }

        await using var read = app.Db();
        Assert.False(await read.Areas.AnyAsync(a => a.Id == grid.Id));
        Assert.False(await read.Households.AnyAsync(h => h.Id == household.Id));
    }

    static int _places;

    static (Area Grid, Household Household) Place()
    {
        var serial = $"{Interlocked.Increment(ref _places):D3}";
        var grid = new Area
        {
            Id = Guid.NewGuid(), AreaCode = $"379988001001{serial}", Name = $"批量{serial}网格", Level = AreaLevel.Grid,
            ParentCode = "379988001001", Boundary = A.Square(110, 30, 0.01), Responsibilities = ["党建", "综治"],
        };
        var household = new Household
        {
            Id = Guid.NewGuid(), AreaCode = grid.AreaCode, UnitNo = "1单元", RoomNo = "101", Address = "批量1单元101室", Vacant = true,
        };
        return (grid, household);
    }
}
