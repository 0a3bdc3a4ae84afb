namespace CheckinBot.Slack;

/// <summary>Registered by <c>AddSlack</c> when Slack is configured, so that <c>MapSlack</c> knows to map the endpoints.</summary>
internal sealed class SlackConfigured;
