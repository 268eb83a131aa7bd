namespace Commerce.Sdk
{
    /// <summary>Where a <see cref="PushSubscription"/> is in its life.</summary>
    public enum PushConnectionState
    {
        /// <summary>Not started, or stopped by the game.</summary>
        Stopped,

        /// <summary>Opening the WebSocket.</summary>
        Connecting,

        /// <summary>Open: replayed and live pushes flow.</summary>
        Connected,

        /// <summary>The connection failed or dropped; waiting <see cref="PushStateChange.RetryIn"/> before the next attempt.</summary>
        Reconnecting,

        /// <summary>Gave up: the server refused the token (401/403) or the client signed out. Sign in and start again.</summary>
        Faulted,
    }
}
