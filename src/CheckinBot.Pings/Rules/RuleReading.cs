namespace CheckinBot.Pings.Rules;

/// <summary>What the few hand-written rules found in one message; each finding is also a feature the model weighs.</summary>
/// <param name="UrgentWord">An explicit urgent word ("urgent", "dringend", "ASAP") used, not quoted, talked about or negated.</param>
/// <param name="Calm">The client says it can wait ("no rush", "niks dringends", "pas pressé"), and takes nothing back after it.</param>
/// <param name="Mentioned">How many words were quoted or talked about ("take URGENT out of the subject line"); they are not used.</param>
/// <param name="Addressed">The message names or @mentions someone (the VA's name reads as a mention).</param>
/// <param name="Command">The message is a slash command ("/remind …"): no ping.</param>
/// <param name="UrgentTalkedAbout">An urgent word is quoted or talked about ("please stop marking everything as 'urgent'"): the message is about the word, and alerts only when the model finds an emergency without it.</param>
/// <param name="AboutOpenTask">The message shares a content word with one of the VA's open tasks (<see cref="Rules.AboutOpenTask"/>); never a feature of the model, only of the decision.</param>
/// <param name="Asked">The message asks: it holds a question mark ("?", "❓").</param>
/// <param name="Laughs">The message laughs ("haha", "lol", "mdr", "😂"): an urgent word in it may be said in jest, so it decides nothing alone (<see cref="UrgentWordDecides"/>); never a feature of the model, only of the decision.</param>
/// <param name="ToSomeoneElse">The message opens with an @mention of someone else and mentions the VA nowhere ("@Tom any news on the deck?"): a question to a colleague in the channel, not hers to answer, so never answered as a status check; an emergency is still escalated. Never a feature of the model (it has its own feature for who is addressed), only of the decision.</param>
internal sealed record RuleReading(bool UrgentWord, bool Calm, int Mentioned, bool Addressed, bool Command, bool UrgentTalkedAbout = false, bool AboutOpenTask = false, bool Asked = false, bool Laughs = false, bool ToSomeoneElse = false)
{
    /// <summary>The explicit urgent word makes the message urgent on its own: used, and not beside a laugh.</summary>
    public bool UrgentWordDecides => UrgentWord && !Laughs;

    /// <summary>The rules that fired, by name; safe to log.</summary>
    public IEnumerable<string> Names()
    {
        if (Command)
        {
            yield return "rule: a command is no ping";
        }

        if (UrgentWord)
        {
            yield return Laughs ? "rule: explicit urgent word beside a laugh (the model decides)" : "rule: explicit urgent word";
        }

        if (Calm)
        {
            yield return "rule: calmed (no rush)";
        }

        if (Mentioned > 0)
        {
            yield return "rule: quoted or mentioned word not used";
        }

        if (UrgentTalkedAbout)
        {
            yield return "rule: urgent word talked about";
        }

        if (Addressed)
        {
            yield return "rule: addressed by name";
        }

        if (AboutOpenTask)
        {
            yield return "rule: about an open task";
        }

        if (ToSomeoneElse)
        {
            yield return "rule: addressed to someone else";
        }
    }
}
