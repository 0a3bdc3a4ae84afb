using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CheckinBot.Playground;

/// <summary>
/// What every write of the playground API must pass before its handler reads anything: a JSON content type (415
/// otherwise, so that no other web page can post a form to it), no <c>Origin</c> but the page's own (403; scripts and
/// tools send none), and a body of at most <see cref="MaxBodyBytes"/> however it is sent, chunked too (413).
/// </summary>
internal sealed class PlaygroundWriteGuard : IEndpointFilter
{
    public const int MaxBodyBytes = 64 * 1024;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.Headers.Origin.ToString() is { Length: > 0 } origin && !IsOwnOrigin(origin, request))
        {
            return Refuse(StatusCodes.Status403Forbidden, "Writes from another site's page are refused.");
        }

        if (!request.HasJsonContentType())
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "Send the body as Content-Type: application/json.");
        }

        if (request.ContentLength > MaxBodyBytes || await BufferAsync(request, context.HttpContext.RequestAborted) is not { } body)
        {
            return Refuse(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        request.Body = body;
        return await next(context);
    }

    private static bool IsOwnOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) &&
        string.Equals(uri.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>The whole body in memory, or null when it is larger than the limit.</summary>
    private static async Task<MemoryStream?> BufferAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                await buffer.DisposeAsync();
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static JsonHttpResult<PlaygroundApi.ErrorResponse> Refuse(int status, string reason) => TypedResults.Json(new PlaygroundApi.ErrorResponse(reason), statusCode: status);
}
