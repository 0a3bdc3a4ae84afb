namespace CheckinBot.Teams.Authentication;

/// <summary>A verified token: which key signed it, and what it says of the service that sent the activity.</summary>
/// <param name="Key">The signing key, with its endorsements; null for anonymous development requests.</param>
/// <param name="ServiceUrl">The token's <c>serviceurl</c> claim, when it has one.</param>
/// <param name="IsEntraToken">True for tokens issued by the bot's own Entra tenant (single-tenant bots).</param>
internal sealed record BotCaller(SigningKey? Key, string? ServiceUrl, bool IsEntraToken)
{
    public static readonly BotCaller Anonymous = new(null, null, false);
}
