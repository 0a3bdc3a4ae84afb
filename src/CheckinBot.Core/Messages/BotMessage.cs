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
    public string PlainText =>
        string.IsNullOrEmpty(Title) && string.IsNullOrEmpty(Context) && Lines.Count == 1
            ? Lines[0] ?? "" // a message of one line is that line, without a copy
            : string.Create(PlainTextLength, this, static (into, message) => message.CopyPlainTextTo(into));

    /// <summary>The length of <see cref="PlainText"/>, for an adapter that writes it without making the string.</summary>
    public int PlainTextLength
    {
        get
        {
            var parts = Lines.Count;
            var length = 0;
            foreach (var line in Lines)
            {
                length += line?.Length ?? 0;
            }

            if (!string.IsNullOrEmpty(Title))
            {
                length += Title.Length;
                parts++;
            }

            if (!string.IsNullOrEmpty(Context))
            {
                length += Context.Length;
                parts++;
            }

            return length + Math.Max(0, parts - 1);
        }
    }

    /// <summary>
    /// Writes <see cref="PlainText"/> into <paramref name="into"/>, which holds at least <see cref="PlainTextLength"/>
    /// characters; returns how many it wrote. The one place the parts are joined.
    /// </summary>
    public int CopyPlainTextTo(Span<char> into)
    {
        var at = 0;
        var first = true;
        if (!string.IsNullOrEmpty(Title))
        {
            Append(Title, into, ref at, ref first);
        }

        foreach (var line in Lines)
        {
            Append(line, into, ref at, ref first);
        }

        if (!string.IsNullOrEmpty(Context))
        {
            Append(Context, into, ref at, ref first);
        }

        return at;
    }

    private static void Append(string? part, Span<char> into, ref int at, ref bool first)
    {
        if (!first)
        {
            into[at++] = '\n';
        }

        first = false;
        part.AsSpan().CopyTo(into[at..]);
        at += part?.Length ?? 0;
    }
}
