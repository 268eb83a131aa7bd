using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Connectors.Tests.Support;

/// <summary>
/// Holds a cancelled request of a named HTTP client in its unwinding, inside the client's resilience pipeline, until
/// the test releases it: the state of a request that a loaded machine has not yet unwound when its stop was asked for.
/// </summary>
public sealed class UnwindGate
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _holding;

    /// <summary>Requests sent and not yet returned (held ones included).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Cancelled requests held in their unwinding.</summary>
    public int Holding => Volatile.Read(ref _holding);

    /// <summary>Puts the gate innermost in <paramref name="client"/>'s handlers (inside its resilience handler).</summary>
    public void Install(IServiceCollection services, string client) =>
        services.AddHttpClient(client).AddHttpMessageHandler(() => new Handler(this));

    public void Release() => _released.TrySetResult();

    private sealed class Handler(UnwindGate gate) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Interlocked.Increment(ref gate._inFlight);
            try
            {
                return await base.SendAsync(request, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Interlocked.Increment(ref gate._holding);
                await gate._released.Task;
                Interlocked.Decrement(ref gate._holding);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref gate._inFlight);
            }
        }
    }
}
