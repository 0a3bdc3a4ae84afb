namespace CheckinBot.Core.Messages;

/// <summary>A button on a bot message; a click comes back as a turn with this action id and value.</summary>
public sealed record MessageButton(string ActionId, string Label, string Value, bool Primary = false);
