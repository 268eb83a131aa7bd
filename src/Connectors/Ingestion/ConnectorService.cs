using Microsoft.Extensions.Hosting;

namespace Commerce.Connectors.Ingestion;

/// <summary>
/// A connector run by the host. Its stop cancels the pipeline (the stopping token) and waits until the pipeline ended,
/// its sources' requests included, for as long as the host's shutdown allows: <see cref="StopDeadline"/> is cancelled
/// when the host's shutdown token is (or when the service is disposed), so nothing a stop waits for can outlast it.
/// </summary>
public abstract class ConnectorService : BackgroundService
{
    private readonly CancellationTokenSource _stopDeadline = new();

    /// <summary>Cancelled once the host gives up waiting for this service to stop.</summary>
    protected CancellationToken StopDeadline => _stopDeadline.Token;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await using var deadline = cancellationToken.Register(static s => ((CancellationTokenSource)s!).Cancel(), _stopDeadline);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _stopDeadline.Cancel(); // not disposed: a pipeline still ending may read its token
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
