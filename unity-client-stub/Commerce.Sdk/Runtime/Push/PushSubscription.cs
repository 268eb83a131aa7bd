using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>
    /// Real-time pushes for the signed-in player over <c>/api/push</c>. Keeps the cursor (the last
    /// seq delivered), drops frames with seq at or below it, and after any drop reconnects with
    /// exponential backoff and jitter, resuming from the cursor so nothing is missed or repeated.
    /// Handlers run on <see cref="CommerceClientOptions.CallbackContext"/> when set, else inline.
    /// Create with <see cref="CommerceClient.CreatePushSubscription"/>.
    /// </summary>
    public sealed class PushSubscription : IDisposable
    {
        private readonly Uri _baseUrl;
        private readonly Func<string?> _token;
        private readonly IPushTransport _transport;
        private readonly TimeSpan _connectTimeout;
        private readonly ReconnectBackoff _backoff;
        private readonly CallbackDispatcher _dispatcher;
        private readonly object _gate = new object();
        private long _cursor;
        private long _duplicatesDropped;
        private int _state;
        private CancellationTokenSource? _stop;
        private Task _completion = Task.CompletedTask;

        internal PushSubscription(Uri baseUrl, Func<string?> token, IPushTransport transport, CommerceClientOptions options, long cursor)
        {
            _baseUrl = baseUrl;
            _token = token;
            _transport = transport;
            _connectTimeout = options.PushConnectTimeout;
            _backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, options.ReconnectJitter);
            _dispatcher = new CallbackDispatcher(options.CallbackContext);
            _cursor = cursor;
        }

        /// <summary>A push, in seq order, each seq at most once.</summary>
        public event Action<PushMessage>? MessageReceived;

        /// <summary>An <c>OrderUpdated</c> push, read into its model (raised after <see cref="MessageReceived"/>, in seq order).</summary>
        public event Action<OrderUpdate>? OrderUpdated;

        /// <summary>An <c>OfferMade</c> push, read into its model with the signed quotes (after <see cref="MessageReceived"/>).</summary>
        public event Action<OfferReceived>? OfferReceived;

        /// <summary>An <c>AuctionWon</c> push: an auction's item offered to this player at its bid, with the signed quote.</summary>
        public event Action<AuctionWon>? AuctionWon;

        /// <summary>An <c>AuctionLost</c> push: an auction this player bid in went to another bidder.</summary>
        public event Action<AuctionLost>? AuctionLost;

        /// <summary>Connecting, connected, reconnecting (with the delay and the cause), stopped, faulted.</summary>
        public event Action<PushStateChange>? StateChanged;

        /// <summary>A frame that was not a valid push (skipped), or an exception thrown by an inline handler.</summary>
        public event Action<Exception>? Error;

        /// <summary>The last seq delivered to <see cref="MessageReceived"/>; store it to resume in a later session.</summary>
        public long Cursor => Interlocked.Read(ref _cursor);

        /// <summary>How many frames were dropped because their seq was at or below the cursor.</summary>
        public long DuplicatesDropped => Interlocked.Read(ref _duplicatesDropped);

        public PushConnectionState State => (PushConnectionState)Volatile.Read(ref _state);

        /// <summary>Completes when the subscription stops (by <see cref="StopAsync"/>, or faulted). Never faults itself.</summary>
        public Task Completion
        {
            get
            {
                lock (_gate)
                {
                    return _completion;
                }
            }
        }

        /// <summary>Starts connecting. Restartable after it stopped or faulted (for example after signing in again).</summary>
        /// <exception cref="InvalidOperationException">Already running.</exception>
        public void Start()
        {
            lock (_gate)
            {
                if (!_completion.IsCompleted)
                {
                    throw new InvalidOperationException("The push subscription is already running.");
                }

                _stop?.Dispose();
                _stop = new CancellationTokenSource();
                _completion = RunAsync(_stop.Token);
            }
        }

        /// <summary>Closes the connection and stops reconnecting.</summary>
        public Task StopAsync()
        {
            lock (_gate)
            {
                _stop?.Cancel();
                return _completion;
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _stop?.Cancel();
            }
        }

        private async Task RunAsync(CancellationToken stop)
        {
            var failures = 0;
            try
            {
                // Leave Start() (and its lock) before any handler runs.
                await Task.Yield();
                while (true)
                {
                    stop.ThrowIfCancellationRequested();
                    var token = _token();
                    if (token == null)
                    {
                        Fault(new CommerceApiException(
                            CommerceErrorKind.Unauthorized, null, "Not signed in",
                            "The push subscription needs a session: sign in, then start it again."));
                        return;
                    }

                    SetState(PushConnectionState.Connecting, failures, null, null);
                    Exception? failure = null;
                    IPushConnection? connection = null;
                    try
                    {
                        connection = await ConnectAsync(token, stop).ConfigureAwait(false);
                        failures = 0;
                        SetState(PushConnectionState.Connected, 0, null, null);
                        string? frame;
                        while ((frame = await connection.ReceiveAsync(stop).ConfigureAwait(false)) != null)
                        {
                            OnFrame(frame);
                        }
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        throw;
                    }
                    catch (PushConnectException e) when (e.StatusCode == 401 || e.StatusCode == 403)
                    {
                        Fault(new CommerceApiException(
                            CommerceApiException.KindOf(e.StatusCode.Value), e.StatusCode, "Push channel refused",
                            "The server refused the token for /api/push; sign in again.", innerException: e));
                        return;
                    }
                    catch (Exception e)
                    {
                        failure = e;
                    }
                    finally
                    {
                        connection?.Dispose();
                    }

                    failures++;
                    var delay = _backoff.DelayFor(failures);
                    SetState(PushConnectionState.Reconnecting, failures, delay, failure);
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                SetState(PushConnectionState.Stopped, 0, null, null);
            }
            catch (Exception e)
            {
                // A bug in the loop itself: report it rather than fault a task nobody awaits.
                Fault(e);
            }
        }

        private async Task<IPushConnection> ConnectAsync(string token, CancellationToken stop)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
            timeout.CancelAfter(_connectTimeout);
            try
            {
                return await _transport.ConnectAsync(BuildRequest(token), timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!stop.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                throw new TimeoutException("Opening the push channel took longer than " + _connectTimeout + ".", e);
            }
        }

        private PushConnectRequest BuildRequest(string token)
        {
            var url = new UriBuilder(_baseUrl)
            {
                Scheme = _baseUrl.Scheme == "https" ? "wss" : "ws",
                Port = _baseUrl.Port,
            };
            url.Path = url.Path.TrimEnd('/') + "/api/push";
            var query = "cursor=" + Cursor.ToString(CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>();
            if (_transport.SupportsRequestHeaders)
            {
                headers["Authorization"] = "Bearer " + token;
            }
            else
            {
                query += "&access_token=" + Uri.EscapeDataString(token);
            }

            url.Query = query;
            return new PushConnectRequest(url.Uri, headers);
        }

        private void OnFrame(string frame)
        {
            PushMessage message;
            try
            {
                message = PushMessage.Parse(frame);
            }
            catch (FormatException e)
            {
                _dispatcher.Raise(Error, new FormatException("Skipped a push frame: " + e.Message, e), null);
                return;
            }

            if (message.Seq <= Cursor)
            {
                Interlocked.Increment(ref _duplicatesDropped);
                return;
            }

            Interlocked.Exchange(ref _cursor, message.Seq);
            _dispatcher.Raise(MessageReceived, message, ReportHandlerError);
            RaiseTyped(message);
        }

        private void RaiseTyped(PushMessage message)
        {
            try
            {
                if (message.Type == PushTypes.OrderUpdated && OrderUpdated != null)
                {
                    _dispatcher.Raise(OrderUpdated, message.ReadOrderUpdate(), ReportHandlerError);
                }
                else if (message.Type == PushTypes.OfferMade && OfferReceived != null)
                {
                    _dispatcher.Raise(OfferReceived, message.ReadOffer(), ReportHandlerError);
                }
                else if (message.Type == PushTypes.AuctionWon && AuctionWon != null)
                {
                    _dispatcher.Raise(AuctionWon, Sdk.AuctionWon.FromJson(message.ParsePayload()), ReportHandlerError);
                }
                else if (message.Type == PushTypes.AuctionLost && AuctionLost != null)
                {
                    _dispatcher.Raise(AuctionLost, Sdk.AuctionLost.FromJson(message.ParsePayload()), ReportHandlerError);
                }
            }
            catch (Exception e) when (e is FormatException || e is JsonParseException)
            {
                _dispatcher.Raise(Error, new FormatException("Push " + message.Seq + " (" + message.Type + ") is not readable: " + e.Message, e), null);
            }
        }

        private void Fault(Exception error) => SetState(PushConnectionState.Faulted, 0, null, error);

        private void SetState(PushConnectionState state, int attempt, TimeSpan? retryIn, Exception? error)
        {
            Volatile.Write(ref _state, (int)state);
            _dispatcher.Raise(StateChanged, new PushStateChange(state, attempt, retryIn, error), ReportHandlerError);
        }

        private void ReportHandlerError(Exception e) => _dispatcher.Raise(Error, e, null);
    }
}
