using Microsoft.Extensions.Hosting;

namespace Commerce.Connectors.Tests.Support;

/// <summary>
/// A connector host built by <see cref="ConnectorWorld"/>: its start, stop and disposal each have a deadline that fails
/// naming the step. Disposing it stops it first if the test did not (an assertion failed on the way), so the container
/// is never disposed under a running connector, and disposes it asynchronously (no thread blocked on the disposal).
/// </summary>
public sealed class ConnectorHost(IHost host, string name) : IAsyncDisposable
{
    private bool _started;
    private bool _stopped;
    private bool _disposed;

    public IServiceProvider Services => host.Services;

    public async Task StartAsync()
    {
        _started = true;
        await StepDeadline.Within(() => host.StartAsync(), $"{name}: StartAsync");
    }

    public async Task StopAsync()
    {
        _stopped = true;
        await StepDeadline.Within(() => host.StopAsync(), $"{name}: StopAsync");
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        try
        {
            if (_started && !_stopped)
                await StopAsync();
        }
        finally
        {
            await StepDeadline.Within(() => ((IAsyncDisposable)host).DisposeAsync().AsTask(), $"{name}: DisposeAsync (its container: HTTP clients, producer, actor system)");
        }
    }
}
