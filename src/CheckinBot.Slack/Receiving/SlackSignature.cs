using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CheckinBot.Slack.Receiving;

/// <summary>Slack's v0 request signature: HMAC-SHA256 over <c>v0:{timestamp}:{raw body}</c> keyed with the signing secret.</summary>
public static class SlackSignature
{
    /// <summary>How far a request's timestamp may be from now.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(300);

    private const int HashBytes = 32;

    /// <summary>The <c>X-Slack-Signature</c> value for a body sent at <paramref name="timestamp"/>.</summary>
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var baseString = new byte[prefix.Length + body.Length];
        prefix.CopyTo(baseString, 0);
        body.CopyTo(baseString.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), baseString);
        return "v0=" + Convert.ToHexStringLower(hash);
    }

    /// <summary>True when the signature matches and the timestamp is within <see cref="Window"/> of <paramref name="now"/>.</summary>
    public static bool IsValid(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signingSecret) || string.IsNullOrEmpty(timestamp) || timestamp.Length > 20 || string.IsNullOrEmpty(signature) ||
            !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var sentAt = seconds > 0 && seconds < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : DateTimeOffset.MinValue;
        if ((now - sentAt).Duration() > Window)
        {
            return false;
        }

        // Compared as the 32 bytes of the hash, without building the expected signature's text or the signed base string.
        Span<byte> given = stackalloc byte[HashBytes];
        if (signature.Length != 3 + (2 * HashBytes) || !signature.StartsWith("v0=", StringComparison.Ordinal) || signature.AsSpan(3).ContainsAnyInRange('A', 'F') ||
            Convert.FromHexString(signature.AsSpan(3), given, out _, out var written) != OperationStatus.Done || written != HashBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HashBytes];
        using (var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret)))
        {
            Span<byte> prefix = stackalloc byte[4 + timestamp.Length];
            "v0:"u8.CopyTo(prefix);
            Encoding.ASCII.GetBytes(timestamp, prefix[3..]);
            prefix[^1] = (byte)':';
            hmac.AppendData(prefix);
            hmac.AppendData(body);
            hmac.GetHashAndReset(expected);
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
