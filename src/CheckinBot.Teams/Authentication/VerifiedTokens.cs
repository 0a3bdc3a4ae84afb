using System.Collections.Concurrent;

namespace CheckinBot.Teams.Authentication;

/// <summary>
/// Bearer tokens whose signature, issuer, audience and caller were verified, by their exact text: the Bot Connector
/// sends the same token with every activity for about an hour, and verifying it again cost 7.7 KB and an RSA check per
/// activity. Only what cannot change is taken from here: the lifetime is checked against the clock at every use, and a
/// token whose signing key is no longer published is verified again (and refused). Failures are never kept, so a
/// stranger cannot fill this; past <see cref="ForgetAbove"/> tokens it starts afresh.
/// </summary>
internal sealed class VerifiedTokens
{
    private const int ForgetAbove = 1_000;

    private readonly ConcurrentDictionary<string, VerifiedToken> tokens;
    private readonly ConcurrentDictionary<string, VerifiedToken>.AlternateLookup<ReadOnlySpan<char>> bySpan;

    public VerifiedTokens()
    {
        tokens = new(StringComparer.Ordinal);
        bySpan = tokens.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Looks the token up where it lies in the header, without a string of it (a token is 1-2 KB of text).</summary>
    public bool TryGet(ReadOnlySpan<char> raw, out VerifiedToken verified) => bySpan.TryGetValue(raw, out verified!);

    public void Keep(string raw, VerifiedToken verified)
    {
        if (tokens.Count >= ForgetAbove)
        {
            tokens.Clear();
        }

        tokens[raw] = verified;
    }

    public void Forget(ReadOnlySpan<char> raw) => bySpan.TryRemove(raw, out _);
}
