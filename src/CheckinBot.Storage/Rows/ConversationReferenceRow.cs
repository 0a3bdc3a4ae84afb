namespace CheckinBot.Storage.Rows;

internal sealed class ConversationReferenceRow
{
    public string Platform { get; set; } = "";
    public string WorkspaceId { get; set; } = "";
    public string Key { get; set; } = "";
    public string Data { get; set; } = "";
}
