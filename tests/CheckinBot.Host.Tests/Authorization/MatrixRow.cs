namespace CheckinBot.Host.Tests.Authorization;

/// <summary>One row of the authorization matrix: a typed command or a button click, and what each actor gets.</summary>
/// <param name="Name">The row as the test names it.</param>
/// <param name="Command">The command of the grammar the row stands for.</param>
/// <param name="Text">The typed text, for a command row.</param>
/// <param name="ActionId">The button's action id, for a button row.</param>
/// <param name="Value">The button's value in a given workspace.</param>
/// <param name="Expected">Per actor, in <see cref="Actor"/> order: "ok", or the text key of the refusal.</param>
public sealed record MatrixRow(string Name, Type Command, string? Text, string? ActionId, Func<Place, string>? Value, string[] Expected)
{
    /// <summary>What the VA says in the channel first, so that the command has something to act on.</summary>
    public string? Before { get; init; }
}
