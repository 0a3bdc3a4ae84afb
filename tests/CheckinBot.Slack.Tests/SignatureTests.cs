using System.Text;
using CheckinBot.Slack.Receiving;

namespace CheckinBot.Slack.Tests;

public sealed class SignatureTests
{
    // The worked example in Slack's "Verifying requests from Slack".
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void SignatureMatchesSlacksWorkedExample() =>
        SlackSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)).Should().Be(Expected);

    [Theory]
    [InlineData(0, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    public void TimestampMustBeWithinFiveMinutes(int secondsLater, bool valid) =>
        SlackSignature.IsValid(Secret, Timestamp, Expected, Encoding.UTF8.GetBytes(Body), SentAt.AddSeconds(secondsLater)).Should().Be(valid);

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("V0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5033")]
    [InlineData("v0=g2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("")]
    [InlineData(null)]
    public void AnyOtherSignatureIsRefused(string? signature) =>
        SlackSignature.IsValid(Secret, Timestamp, signature, Encoding.UTF8.GetBytes(Body), SentAt).Should().BeFalse();

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1531420618.5")]
    [InlineData("99999999999999999999")]
    public void UnreadableTimestampsAreRefused(string timestamp) =>
        SlackSignature.IsValid(Secret, timestamp, Expected, Encoding.UTF8.GetBytes(Body), SentAt).Should().BeFalse();

    [Fact]
    public void ATimestampPaddedWithThousandsOfZerosIsRefused() =>
        SlackSignature.IsValid(Secret, new string('0', 5000) + Timestamp, Expected, Encoding.UTF8.GetBytes(Body), SentAt).Should().BeFalse();

    [Theory]
    [InlineData(5_000, 16)]
    [InlineData(16, 2_000)]
    [InlineData(70_000, 700)]
    public void LongBodiesAndLongOrNonAsciiSecretsAreVerifiedToo(int bodyBytes, int secretChars)
    {
        // Past the bytes signed on the stack, the body and the secret go through rented arrays; the signature is the
        // HMAC of the whole "v0:{timestamp}:{body}" all the same, computed here apart from the class under test.
        var secret = string.Concat(Enumerable.Repeat("sé€", secretChars / 3 + 1))[..secretChars];
        var body = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, bodyBytes).Select(i => (char)('a' + (i % 26)))));
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signed = hmac.ComputeHash([.. Encoding.ASCII.GetBytes($"v0:{Timestamp}:"), .. body]);
        var signature = "v0=" + Convert.ToHexStringLower(signed);

        SlackSignature.IsValid(secret, Timestamp, signature, body, SentAt).Should().BeTrue();
        SlackSignature.IsValid(secret + "x", Timestamp, signature, body, SentAt).Should().BeFalse();
        body[^1] ^= 1;
        SlackSignature.IsValid(secret, Timestamp, signature, body, SentAt).Should().BeFalse();
    }
}
