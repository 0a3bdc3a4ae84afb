using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using CheckinBot.Slack.Receiving;
using CsCheck;
using Microsoft.AspNetCore.WebUtilities;

namespace CheckinBot.Slack.Tests;

/// <summary>A form body's fields, read where they lie as ASP.NET Core's form reader reads them.</summary>
public sealed class FormFieldsAreReadFromTheBytesTests
{
    [Fact]
    public void ACommandsFieldsAreDecoded()
    {
        var fields = Read("team_id=T0CHECKIN&command=%2Fcheckin&text=propose+update+weekdays+17%3A00&user_name=ma%c3%afa" +
            "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0%2F1%2Fx&emoji=caf%C3%A9+%E2%80%94+%F0%9F%91%8D");

        fields.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["team_id"] = "T0CHECKIN",
            ["command"] = "/checkin",
            ["text"] = "propose update weekdays 17:00",
            ["user_name"] = "maïa",
            ["response_url"] = "https://hooks.slack.com/commands/T0/1/x",
            ["emoji"] = "café — 👍",
        });
        fields["text"].Should().Be("propose update weekdays 17:00");
        fields.TryGetValue("channel_id", out _).Should().BeFalse();
    }

    [Fact]
    public void ARepeatedNameKeepsItsValuesJoinedWithCommasAndBrokenEscapesStayAsTheyAre()
    {
        var fields = Read("a=1&&b&c=&a=2&e=%zz%2&f=100%&x=%2B");

        fields.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["a"] = "1,2",
            [""] = "",
            ["b"] = "",
            ["c"] = "",
            ["e"] = "%zz%2",
            ["f"] = "100%",
            ["x"] = "+",
        });
        fields.TryGetValue("a", out var a).Should().BeTrue();
        a.Should().Be("1,2");
    }

    [Fact]
    public void ARepeatedNamesEmptyValuesAreLeftOutOfTheJoinAsTheFrameworkLeavesThemOut()
    {
        var fields = Read("a=1&a=&a=2&&=x&b=&b=");

        fields["a"].Should().Be("1,2");
        fields[""].Should().Be("x");
        fields["b"].Should().BeEmpty();
    }

    [Fact]
    public void AnEscapedNameIsFoundByItsDecodedName()
    {
        var fields = Read("team%5Fid=T1&user+name=ma%C3%AFa&na%C3%AFve=1");

        fields.TryGetValue("team_id", out var team).Should().BeTrue();
        team.Should().Be("T1");
        fields["user name"].Should().Be("maïa");
        fields["naïve"].Should().Be("1");
    }

    [Fact]
    public void AnEmptyBodyHasNoFields() => Read("").Should().BeEmpty();

    [Fact]
    public async Task AFormPastTheReadersLimitsIsRefusedAsTheReaderRefusesIt()
    {
        var atTheLimits = string.Join('&', Enumerable.Range(0, FormFields.FieldLimit - 1).Select(i => $"f{i}=1")) + "&" + new string('n', FormFields.NameLimit) + "=1";
        var tooMany = atTheLimits + "&one=more";
        var nameTooLong = "a=1&" + new string('n', FormFields.NameLimit + 1) + "=1";

        SlackHttpEndpoints.ParseForm(Encoding.UTF8.GetBytes(atTheLimits)).Should().NotBeNull();
        SlackHttpEndpoints.ParseForm(Encoding.UTF8.GetBytes(tooMany)).Should().BeNull();
        SlackHttpEndpoints.ParseForm(Encoding.UTF8.GetBytes(nameTooLong)).Should().BeNull();

        // The same limits as ASP.NET Core's reader, which throws where this says null.
        await FluentActions.Awaiting(() => ReadWithTheFrameworkAsync(atTheLimits)).Should().NotThrowAsync();
        await FluentActions.Awaiting(() => ReadWithTheFrameworkAsync(tooMany)).Should().ThrowAsync<InvalidDataException>();
        await FluentActions.Awaiting(() => ReadWithTheFrameworkAsync(nameTooLong)).Should().ThrowAsync<InvalidDataException>();
    }

    [Fact]
    public async Task AnyBodyReadsAsTheFrameworksFormReaderReadsIt()
    {
        // Pieces that make forms hard: separators, escapes good and broken (of ASCII and of whole UTF-8 characters), a
        // plus, repeated names. None starts with a hexadecimal digit, so no piece completes another's broken escape into
        // a lone byte of a UTF-8 sequence, where the two readers differ (the framework keeps the escape, this a U+FFFD).
        var piece = Gen.OneOf("team_id", "text", "x", "user", "=", "&", "+", " ", "%", "%2", "%2B", "%26", "%3D", "%41", "%zz",
            "%C3%A9", "%F0%9F%91%8D", "é", "👍", "/");
        var body = piece.Array[0, 24].Select(string.Concat);

        const ulong seed = 20261203;
        var pcg = new PCG(1, seed);
        for (var i = 0; i < 5_000; i++)
        {
            var text = body.Generate(pcg, null, out _);
            var expected = await ReadWithTheFrameworkAsync(text);
            var fields = Read(text);

            fields.Should().BeEquivalentTo(expected, $"body #{i} of seed {seed}: {text}");
            foreach (var (name, value) in expected)
            {
                fields.TryGetValue(name, out var found).Should().BeTrue($"body #{i}: {text}");
                found.Should().Be(value, $"body #{i}: {text}");
            }
        }
    }

    private static IReadOnlyDictionary<string, string> Read(string body) => SlackHttpEndpoints.ParseForm(Encoding.UTF8.GetBytes(body))!;

    private static async Task<Dictionary<string, string>> ReadWithTheFrameworkAsync(string body)
    {
        var form = await new FormPipeReader(PipeReader.Create(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)))).ReadFormAsync();
        return form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal);
    }
}
