using System.Security.Cryptography;
using System.Text;

namespace CivicGrid.Shared;

/// <summary>
/// Encrypts personal data at rest (AES-256-GCM) and derives a keyed hash (HMAC-SHA256) for exact lookup,
/// so an ID number can be found without storing it in the clear (ARCHITECTURE.md "Identity, scope, personal data").
/// Keys come from configuration (PersonalData:EncryptionKey, PersonalData:HashKey; base64, 32 bytes each).
/// </summary>
public sealed class PersonalDataProtector
{
    const int NonceSize = 12, TagSize = 16;
    readonly byte[] _encryptionKey;
    readonly byte[] _hashKey;

    public PersonalDataProtector(byte[] encryptionKey, byte[] hashKey)
    {
        if (encryptionKey.Length != 32 || hashKey.Length != 32)
            throw new ArgumentException("Personal data keys must be 32 bytes each.");
        _encryptionKey = encryptionKey;
        _hashKey = hashKey;
    }

    public static PersonalDataProtector FromConfiguration(IConfiguration config)
    {
        static byte[] Key(IConfiguration c, string name) =>
            Convert.FromBase64String(c[$"PersonalData:{name}"]
                ?? throw new InvalidOperationException($"PersonalData:{name} is not configured."));
        return new PersonalDataProtector(Key(config, "EncryptionKey"), Key(config, "HashKey"));
    }

    public byte[] Encrypt(string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    public string Decrypt(byte[] cipher)
    {
        var plain = new byte[cipher.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(cipher.AsSpan(0, NonceSize), cipher.AsSpan(NonceSize + TagSize), cipher.AsSpan(NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Keyed hash of a normalized value, hex-encoded, for exact-match lookup.</summary>
    public string Hash(string normalized) =>
        Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(normalized)));
}
