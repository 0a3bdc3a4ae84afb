namespace CheckinBot.Core.Pings;

/// <summary>
/// How a client's message may address the VA: by her first names ("Ina??", "@Ina") and by her platform user ids, as
/// the adapters leave a mention in the text (Slack's <c>&lt;@U0123ABC&gt;</c>; Teams' <c>&lt;at&gt;Ina&lt;/at&gt;</c>,
/// which its adapter rewrites to <c>&lt;@29:…&gt;</c>). A mention of any other id is someone else: "&lt;@U_TOM&gt; any
/// news?" asks Tom, not her.
/// </summary>
/// <param name="Names">The VA's first names.</param>
/// <param name="Ids">The VA's platform user ids.</param>
public sealed record PingAddressees(IReadOnlyCollection<string> Names, IReadOnlyCollection<string> Ids)
{
    /// <summary>Nothing known of the VA: every mention reads as addressing her.</summary>
    public static PingAddressees None { get; } = new([], []);

    /// <summary>The VA known by first names only (a corpus's <c># va:</c> header, the playground's typed "@Ina").</summary>
    public static PingAddressees Named(IReadOnlyCollection<string> names) => new(names, []);
}
