namespace CheckinBot.Teams.Activities;

/// <summary>The activity types and invoke names CheckinBot answers.</summary>
internal static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string AdaptiveCardAction = "adaptiveCard/action";
}
