using System;

namespace Commerce.Sdk
{
    /// <summary>
    /// A change of <see cref="PushSubscription"/> state. <see cref="Attempt"/> counts consecutive
    /// failures (0 once connected); <see cref="RetryIn"/> is the backoff delay when reconnecting;
    /// <see cref="Error"/> is why the connection failed, dropped or faulted (null for a clean close).
    /// </summary>
    public sealed record PushStateChange(PushConnectionState State, int Attempt, TimeSpan? RetryIn, Exception? Error);
}
