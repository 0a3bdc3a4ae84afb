namespace CheckinBot.Teams.Authentication;

/// <summary>
/// The keys inbound tokens may be signed with: those of <c>Teams:OpenIdMetadataUrl</c>, and for tokens of the bot's own
/// Entra tenant also those of the tenant's metadata.
/// </summary>
internal sealed class SigningKeys(SigningKeySource connector, SigningKeySource? entra)
{
    public async Task<SigningKey?> FindAsync(string keyId, bool entraToken, CancellationToken cancellationToken)
    {
        var key = await connector.FindAsync(keyId, cancellationToken);
        if (key is null && entraToken && entra is not null)
        {
            key = await entra.FindAsync(keyId, cancellationToken);
        }

        return key;
    }
}
