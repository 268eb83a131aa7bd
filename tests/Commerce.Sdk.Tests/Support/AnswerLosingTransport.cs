namespace Commerce.Sdk.Tests.Support;

/// <summary>
/// The default HTTP transport with a flaky network: the first <see cref="LoseAnswers"/> requests to a path are
/// delivered to the server, but their answers are lost (the call throws as a dropped connection would).
/// Records the Idempotency-Key of every request to that path.
/// </summary>
public sealed class AnswerLosingTransport(string path, int loseAnswers) : IHttpTransport, IDisposable
{
    private readonly HttpClientTransport _inner = new();
    private int _lost;

    public SignalLog<string?> IdempotencyKeys { get; } = new();

    public int LoseAnswers { get; } = loseAnswers;

    public async Task<HttpTransportResponse> SendAsync(HttpTransportRequest request, CancellationToken cancellationToken)
    {
        var matches = request.Url.AbsolutePath == path;
        if (matches)
        {
            IdempotencyKeys.Add(request.Headers.TryGetValue("Idempotency-Key", out var key) ? key : null);
        }

        var response = await _inner.SendAsync(request, cancellationToken);
        if (matches && Interlocked.Increment(ref _lost) <= LoseAnswers)
        {
            throw new HttpRequestException("the connection was reset before the answer arrived (simulated)");
        }

        return response;
    }

    public void Dispose() => _inner.Dispose();
}
