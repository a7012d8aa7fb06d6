using System.Security.Cryptography;
using CivicGrid.Shared;

namespace CivicGrid.UnitTests.Shared;

public sealed class PersonalDataTests
{
    // A published GB 11643 example number (11010519491231002X) and a checksum computed by hand for 370303199001010017.
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    [InlineData("370303199001010017")]
    public void Valid_id_numbers_pass_the_check_digit(string id) => Assert.NotNull(IdCardNumber.Normalize(id));

    [Theory]
    [InlineData("110105194912310021")]   // wrong check digit
    [InlineData("11010519491331002X")]   // month 13
    [InlineData("1101051949123100")]     // too short
    [InlineData("11010518491231002X")]   // born before 1900
    [InlineData("A1010519491231002X")]
    public void Invalid_id_numbers_are_refused(string id) => Assert.Null(IdCardNumber.Normalize(id));

    [Fact]
    public void Id_number_gives_birth_date_sex_and_mask()
    {
        var id = IdCardNumber.Normalize("11010519491231002x")!;
        Assert.Equal(new DateOnly(1949, 12, 31), IdCardNumber.BirthDate(id));
        Assert.False(IdCardNumber.IsMale(id));
        Assert.Equal("1101**********002X", IdCardNumber.Mask(id));
    }

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("23812345678", null)]
    [InlineData("1381234567", null)]
    public void Phones_are_normalized_or_refused(string input, string? expected) => Assert.Equal(expected, PhoneNumber.Normalize(input));

    [Fact]
    public void Encryption_round_trips_with_a_fresh_nonce_and_the_hash_is_stable()
    {
        var (encryptionKey, hashKey) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var protector = new PersonalDataProtector(encryptionKey, hashKey);
        var a = protector.Encrypt("370303199001010017");
        var b = protector.Encrypt("370303199001010017");
        Assert.NotEqual(a, b);
        Assert.Equal("370303199001010017", protector.Decrypt(a));
        // Another instance with the same keys (another app instance) finds the same row by hash.
        var elsewhere = new PersonalDataProtector(encryptionKey, hashKey);
        var hashHere = protector.Hash("370303199001010017");
        Assert.Equal(hashHere, elsewhere.Hash("370303199001010017"));
        Assert.NotEqual(protector.Hash("370303199001010017"), protector.Hash("370303199001010022"));
    }

    [Fact]
    public void A_tampered_cipher_does_not_decrypt()
    {
        var protector = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var cipher = protector.Encrypt("13812345678");
        cipher[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Decrypt(cipher));
    }

    [Fact]
    public void Scope_keeps_only_outermost_prefixes()
    {
        var scope = DataScope.For(["370303001", "370303001002", "370303002003"], [], null);
        Assert.Equal(["370303001", "370303002003"], scope.AreaPrefixes);
        Assert.True(scope.Covers("370303001005001"));
        Assert.False(scope.Covers("370303002004001"));
        Assert.False(DataScope.Nothing.Covers("370303001005001"));
        Assert.True(DataScope.Unrestricted.Covers("999999999999"));
    }
}
