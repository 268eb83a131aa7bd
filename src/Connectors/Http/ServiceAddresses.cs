namespace Commerce.Connectors.Http;

/// <summary>
/// Where a connector's external service answers: known at start in live mode (the configured URLs), once its local
/// simulation has started in local mode. The clients' handlers wait for it on every call.
/// </summary>
public class ServiceAddresses<T>
{
    private readonly TaskCompletionSource<T> _known = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set(T addresses) => _known.TrySetResult(addresses);

    public Task<T> KnownAsync(CancellationToken ct) => _known.Task.WaitAsync(ct);
}
