namespace CheckinBot.Teams.Sending;

/// <summary>Makes every attempt of a connector call, retries included, wait its turn with the <see cref="SendPacer"/>.</summary>
internal sealed class PacingHandler(SendPacer pacer) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await pacer.WaitAsync(request, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
