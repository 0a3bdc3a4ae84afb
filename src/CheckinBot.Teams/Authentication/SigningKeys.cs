namespace CheckinBot.Teams.Authentication;

/// <summary>
/// The keys inbound tokens may be signed with: the Bot Connector's tokens with those of <c>Teams:OpenIdMetadataUrl</c>,
/// tokens of the bot's own Entra tenant with those of the tenant's metadata only. Neither issuer signs with the other's keys.
/// </summary>
internal sealed class SigningKeys(SigningKeySource connector, SigningKeySource? entra)
{
    public async Task<SigningKey?> FindAsync(string keyId, bool entraToken, CancellationToken cancellationToken) =>
        entraToken
            ? entra is null ? null : await entra.FindAsync(keyId, cancellationToken)
            : await connector.FindAsync(keyId, cancellationToken);
}
