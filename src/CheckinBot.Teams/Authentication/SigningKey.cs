using Microsoft.IdentityModel.Tokens;

namespace CheckinBot.Teams.Authentication;

/// <summary>A key from a JWKS, with the channels it is endorsed for (null when the key names none).</summary>
internal sealed record SigningKey(JsonWebKey Key, IReadOnlyList<string>? Endorsements)
{
    public bool IsEndorsedFor(string channelId) =>
        Endorsements is not null && Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
}
