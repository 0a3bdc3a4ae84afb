using System.Text;

namespace CheckinBot.Host.Tests.Fuzzing;

/// <summary>One generated request, kept so that a failure can print exactly what was sent.</summary>
public sealed record HostileRequest(HttpMethod Method, string Path, byte[]? Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body);
        var shown = string.Concat(body.Take(600).Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
        return $"{Method} {Path} [{ContentType}] {string.Join("; ", Headers.Select(h => h.Key + ": " + h.Value))}\n{shown}";
    }
}
