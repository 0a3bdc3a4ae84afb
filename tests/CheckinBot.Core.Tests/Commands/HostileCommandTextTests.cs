using CheckinBot.Core.Commands;
using CsCheck;

namespace CheckinBot.Core.Tests.Commands;

/// <summary>Whatever a client types, the grammar answers with a command or the usage line; it never throws.</summary>
public class HostileCommandTextTests
{
    [Theory]
    [InlineData("/checkin \uFFFE")]
    [InlineData("/checkin propose update weekdays 17:00\uFFFF")]
    [InlineData("/checkin va\uD800")]
    [InlineData("\uDC00 status")]
    [InlineData("/checkin start \uFDD0task")]
    [InlineData("/checkin tz \U0010FFFE")]
    public void Noncharacters_and_lone_surrogates_get_the_usage_line(string text)
    {
        var command = CommandParser.Parse(text);

        command.Should().BeAssignableTo<Command>();
        if (command is InvalidCommand invalid)
        {
            invalid.Topic.Should().NotBeNullOrEmpty();
        }
    }

    [Fact]
    public void An_unknown_word_made_of_a_noncharacter_is_named_as_unknown()
    {
        CommandParser.Parse("/checkin \uFFFE").Should().BeOfType<InvalidCommand>()
            .Which.Problem.Should().Be("problem.unknownCommand");
    }

    [Fact]
    public void Folding_replaces_what_normalisation_cannot_read()
    {
        Words.Fold("Dé\uFFFE\uD800").Should().Be("de\uFFFD\uFFFD");
        Words.Clean("ok \U0001F600").Should().Be("ok \U0001F600", "a valid surrogate pair stays");
    }

    [Fact]
    public void Any_text_parses_into_a_command_or_the_usage_line()
    {
        // Words the grammar knows, mixed with any UTF-16 at all, lone surrogates and noncharacters included.
        var known = Gen.OneOf("/checkin", "propose", "update", "plan", "weekdays", "17:00", "5pm", "accept", "1", "pause", "until",
            "2026-12-31", "start", "progress", "60%", "done", "block", "focus", "90m", "tz", "lang", "nl", "forget", "yes", "skip", "next", "due", "fri");
        var odd = Gen.Char.Array[0, 12].Select(chars => new string(chars));
        var broken = Gen.OneOf("\uFFFE", "\uD800", "\uDC00x", "\uFDD0", "\u0000");
        var word = Gen.Frequency<string>((3, known), (2, odd), (1, broken));
        var text = word.Array[0, 10].Select(words => string.Join(' ', words));

        // Seeded: the same 10,000 texts on every run; a failure names the seed and the text.
        const ulong seed = 20261130;
        var pcg = new PCG(1, seed);
        for (var i = 0; i < 10_000; i++)
        {
            var t = text.Generate(pcg, null, out _);
            var parsed = () => CommandParser.Parse(t);
            var command = parsed.Should().NotThrow($"seed {seed}, text #{i}: {Escaped(t)}").Subject;
            (command as InvalidCommand)?.Topic.Should().NotBeNullOrEmpty($"an invalid command shows a usage line (seed {seed}, text #{i})");
        }
    }

    private static string Escaped(string text) =>
        string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
