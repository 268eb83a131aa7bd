using System;
using System.Threading;

namespace Commerce.Sdk
{
    /// <summary>
    /// Settings for <see cref="CommerceClient"/>. Checked once when the client is created
    /// (<see cref="Validate"/>); later changes to this object do not affect an existing client.
    /// </summary>
    public sealed class CommerceClientOptions
    {
        /// <summary>The server's root URL, http or https (for example https://commerce.example.com/).</summary>
        public Uri? BaseUrl { get; set; }

        /// <summary>Upper bound for one HTTP call, including reading the body.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

        /// <summary>Upper bound for opening the push WebSocket.</summary>
        public TimeSpan PushConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>WebSocket keep-alive ping interval (the server sends no application pings).</summary>
        public TimeSpan PushKeepAliveInterval { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>First delay before reconnecting the push channel; doubles on each failed attempt.</summary>
        public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>The reconnect delay never exceeds this.</summary>
        public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Random spread of each reconnect delay, as a fraction of it (0 = none, 0.2 = ±20 %).</summary>
        public double ReconnectJitter { get; set; } = 0.2;

        /// <summary>Largest push frame accepted; a bigger one drops the connection.</summary>
        public int MaxPushMessageBytes { get; set; } = 1024 * 1024;

        /// <summary>
        /// Requests <see cref="CommerceClient.PlaceOrderAsync"/> makes at most when the server cannot be reached, times
        /// out or fails with 5xx/429. Every attempt carries the same <c>Idempotency-Key</c>, so the order is placed once.
        /// </summary>
        public int MaxOrderAttempts { get; set; } = 3;

        /// <summary>The delay before the first order retry; doubles for each further one.</summary>
        public TimeSpan OrderRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>
        /// Requests <see cref="CommerceClient.AskAsync"/> makes at most for one chat turn when the server cannot be reached,
        /// times out or fails with 5xx/429. Every attempt carries the turn's <c>Idempotency-Key</c>, so the turn is answered once.
        /// </summary>
        public int MaxChatAttempts { get; set; } = 3;

        /// <summary>The delay before the first retry of a chat turn; doubles for each further one.</summary>
        public TimeSpan ChatRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>
        /// Where push callbacks run. In Unity pass <c>SynchronizationContext.Current</c> captured on
        /// the main thread (for example in <c>Awake</c>) so handlers may touch GameObjects. When null,
        /// callbacks run inline on the SDK's receive loop.
        /// </summary>
        public SynchronizationContext? CallbackContext { get; set; }

        /// <summary>Throws <see cref="ArgumentException"/> naming the first option that is out of range.</summary>
        public void Validate()
        {
            if (BaseUrl == null)
            {
                throw new ArgumentException("BaseUrl is required.", nameof(BaseUrl));
            }

            if (!BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != "http" && BaseUrl.Scheme != "https"))
            {
                throw new ArgumentException("BaseUrl must be an absolute http or https URL, got '" + BaseUrl + "'.", nameof(BaseUrl));
            }

            Positive(RequestTimeout, nameof(RequestTimeout));
            Positive(PushConnectTimeout, nameof(PushConnectTimeout));
            Positive(PushKeepAliveInterval, nameof(PushKeepAliveInterval));
            Positive(ReconnectMinDelay, nameof(ReconnectMinDelay));
            if (ReconnectMaxDelay < ReconnectMinDelay)
            {
                throw new ArgumentException(
                    "ReconnectMaxDelay (" + ReconnectMaxDelay + ") must be at least ReconnectMinDelay (" + ReconnectMinDelay + ").",
                    nameof(ReconnectMaxDelay));
            }

            if (double.IsNaN(ReconnectJitter) || ReconnectJitter < 0 || ReconnectJitter >= 1)
            {
                throw new ArgumentException("ReconnectJitter must be in [0, 1), got " + ReconnectJitter + ".", nameof(ReconnectJitter));
            }

            if (MaxPushMessageBytes < 1024)
            {
                throw new ArgumentException("MaxPushMessageBytes must be at least 1024, got " + MaxPushMessageBytes + ".", nameof(MaxPushMessageBytes));
            }

            if (MaxOrderAttempts < 1 || MaxOrderAttempts > 10)
            {
                throw new ArgumentException("MaxOrderAttempts must be 1 to 10, got " + MaxOrderAttempts + ".", nameof(MaxOrderAttempts));
            }

            Positive(OrderRetryDelay, nameof(OrderRetryDelay));
            if (MaxChatAttempts < 1 || MaxChatAttempts > 10)
            {
                throw new ArgumentException("MaxChatAttempts must be 1 to 10, got " + MaxChatAttempts + ".", nameof(MaxChatAttempts));
            }

            Positive(ChatRetryDelay, nameof(ChatRetryDelay));
        }

        internal CommerceClientOptions Snapshot() => (CommerceClientOptions)MemberwiseClone();

        private static void Positive(TimeSpan value, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentException(name + " must be positive, got " + value + ".", name);
            }
        }
    }
}
