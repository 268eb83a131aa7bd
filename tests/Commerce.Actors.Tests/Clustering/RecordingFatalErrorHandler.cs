using System.Collections.Concurrent;
using Orleans.Runtime;

namespace Commerce.Actors.Tests.Clustering;

/// <summary>
/// Replaces Orleans' fatal error handler in test silos: a silo told it was declared dead would otherwise end the whole
/// test process (Environment.FailFast). The error is kept instead; the test stops the silo.
/// </summary>
internal sealed class RecordingFatalErrorHandler : IFatalErrorHandler
{
    public ConcurrentQueue<string> Errors { get; } = new();

    public bool IsUnexpected(Exception exception) => true;

    public void OnFatalException(object? sender = null, string? context = null, Exception? exception = null) =>
        Errors.Enqueue($"{context}: {exception?.Message}");
}
