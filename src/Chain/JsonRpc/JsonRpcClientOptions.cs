namespace Commerce.Chain.JsonRpc;

/// <summary>Where the node is and how hard to retry. Call <see cref="Validate"/> at start.</summary>
public sealed class JsonRpcClientOptions
{
    public Uri? Endpoint { get; set; }

    /// <summary>Retries after the first attempt, for HTTP 429, 5xx, connection failures and timeouts.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; it doubles on each retry (with jitter), up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Called before each retry (for logging or tests).</summary>
    public Action<JsonRpcRetry>? OnRetry { get; set; }

    public void Validate()
    {
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"{nameof(Endpoint)} must be an absolute http(s) URI, got \"{Endpoint}\"", nameof(Endpoint));
        if (MaxRetries is < 0 or > 20)
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "must be between 0 and 20");
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
            throw new ArgumentOutOfRangeException(nameof(BaseDelay), BaseDelay, $"must be non-negative and at most {nameof(MaxDelay)} ({MaxDelay})");
        if (AttemptTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "must be positive");
    }
}
