using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using CivicGrid.Shared;

namespace CivicGrid.Modules.Volunteering.Domain;

/// <summary>
/// The rotating check-in code an organiser shows as a QR code: "{step}.{mac}", where step counts
/// <see cref="StepSeconds"/>-second steps since the Unix epoch and mac is an HMAC-SHA256 over the activity id and the
/// step. The step travels in the clear so a refusal can say why: a mac that does not verify for this activity is a code
/// of another activity (or a made-up one); a mac that verifies for a step other than the current or the previous is
/// stale. Accepting the previous step lets a scan taken just before the code turned still count.
/// </summary>
public sealed class CheckInCodes(byte[] key, TimeProvider clock)
{
    public const int StepSeconds = 30;
    const int MacBytes = 10;

    /// <summary>Key from Volunteering:CheckInKey (base64, 32 bytes), else derived from PersonalData:HashKey with HKDF.</summary>
    public static CheckInCodes FromConfiguration(IConfiguration config, TimeProvider clock)
    {
        if (config["Volunteering:CheckInKey"] is { Length: > 0 } own) return new(Convert.FromBase64String(own), clock);
        var root = Convert.FromBase64String(config["PersonalData:HashKey"]
            ?? throw new InvalidOperationException("Neither Volunteering:CheckInKey nor PersonalData:HashKey is configured."));
        return new(HKDF.DeriveKey(HashAlgorithmName.SHA256, root, 32, info: "civicgrid.volunteering.check-in"u8.ToArray()), clock);
    }

    public long CurrentStep => clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;

    /// <summary>When the current code stops being the current one (it is still accepted for one more step).</summary>
    public DateTimeOffset CurrentStepEnds => DateTimeOffset.FromUnixTimeSeconds((CurrentStep + 1) * StepSeconds);

    public string Current(Guid activityId) => For(activityId, CurrentStep);

    public string For(Guid activityId, long step) => $"{step.ToString(CultureInfo.InvariantCulture)}.{Mac(activityId, step)}";

    /// <summary>Null when <paramref name="code"/> is this activity's current or previous code.</summary>
    public Error? Check(Guid activityId, string? code)
    {
        var parts = (code ?? "").Trim().Split('.');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var step))
            return VolunteerErrors.CodeForeign;
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Mac(activityId, step)),
                System.Text.Encoding.ASCII.GetBytes(parts[1])))
            return VolunteerErrors.CodeForeign;
        var now = CurrentStep;
        return step == now || step == now - 1 ? null : VolunteerErrors.CodeStale;
    }

    string Mac(Guid activityId, long step)
    {
        Span<byte> data = stackalloc byte[24];
        activityId.TryWriteBytes(data[..16]);
        BinaryPrimitives.WriteInt64BigEndian(data[16..], step);
        var mac = HMACSHA256.HashData(key, data)[..MacBytes];
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
