namespace CheckinBot.Core.Messages;

/// <summary>The neutral message model: what the core says, before an adapter renders it.</summary>
/// <param name="Kind">Why the message is sent.</param>
/// <param name="Title">An optional heading line.</param>
/// <param name="Lines">The body, one paragraph per entry, plain text.</param>
/// <param name="Buttons">Actions offered under the message.</param>
/// <param name="Context">A small footnote line (zone, lateness), or null.</param>
public sealed record BotMessage(
    MessageKind Kind,
    string? Title,
    IReadOnlyList<string> Lines,
    IReadOnlyList<MessageButton> Buttons,
    string? Context = null)
{
    /// <summary>For a light acknowledgement: the reaction an adapter may show instead of the text.</summary>
    public MessageReaction? Reaction { get; init; }

    public static BotMessage Of(MessageKind kind, string text, params MessageButton[] buttons) =>
        new(kind, null, [text], buttons);

    /// <summary>The whole message as plain text: title, lines and context, one per line.</summary>
    public string PlainText
    {
        get
        {
            var parts = new List<string>(Lines.Count + 2);
            if (!string.IsNullOrEmpty(Title))
            {
                parts.Add(Title);
            }

            parts.AddRange(Lines);
            if (!string.IsNullOrEmpty(Context))
            {
                parts.Add(Context);
            }

            return string.Join('\n', parts);
        }
    }
}
