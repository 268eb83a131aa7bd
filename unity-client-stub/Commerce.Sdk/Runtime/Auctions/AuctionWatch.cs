using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>
    /// An item's auction as it happens, over the watch socket <c>/api/auctions/{itemId}/watch</c>. Every connection starts
    /// with the auction's snapshot (<see cref="Snapshot"/>), then each accepted bid, the close, the offers and the end as they
    /// happen (<see cref="BidAccepted"/>, <see cref="MessageReceived"/> for all). A frame numbered at or below the last one
    /// seen is dropped, so a reconnect (exponential backoff with jitter, as <see cref="PushSubscription"/>) never repeats a
    /// bid, and the snapshot it starts with covers what the drop missed. 401/403 (the token) and 404 (no auction) stop it.
    /// Handlers run on <see cref="CommerceClientOptions.CallbackContext"/> when set, else inline.
    /// Create with <see cref="CommerceClient.CreateAuctionWatch"/>.
    /// </summary>
    public sealed class AuctionWatch : IDisposable
    {
        private readonly Uri _baseUrl;
        private readonly string _itemId;
        private readonly Func<string?> _token;
        private readonly IPushTransport _transport;
        private readonly TimeSpan _connectTimeout;
        private readonly ReconnectBackoff _backoff;
        private readonly CallbackDispatcher _dispatcher;
        private readonly object _gate = new object();
        private long _lastSeq;
        private int _state;
        private CancellationTokenSource? _stop;
        private Task _completion = Task.CompletedTask;

        internal AuctionWatch(Uri baseUrl, string itemId, Func<string?> token, IPushTransport transport, CommerceClientOptions options)
        {
            _baseUrl = baseUrl;
            _itemId = itemId;
            _token = token;
            _transport = transport;
            _connectTimeout = options.PushConnectTimeout;
            _backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, options.ReconnectJitter);
            _dispatcher = new CallbackDispatcher(options.CallbackContext);
        }

        /// <summary>The auction as it stands, at every (re)connection.</summary>
        public event Action<AuctionInfo>? Snapshot;

        /// <summary>An accepted bid, in the auction's order, each at most once.</summary>
        public event Action<AuctionBid>? BidAccepted;

        /// <summary>Every frame delivered (the snapshot, bids, AuctionClosed, AuctionWinnerOffered, AuctionEnded), in order.</summary>
        public event Action<PushMessage>? MessageReceived;

        /// <summary>Connecting, connected, reconnecting (with the delay and the cause), stopped, faulted.</summary>
        public event Action<PushStateChange>? StateChanged;

        /// <summary>A frame that was not readable (skipped), or an exception thrown by an inline handler.</summary>
        public event Action<Exception>? Error;

        public string ItemId => _itemId;

        /// <summary>The auction's sequence number of the newest frame delivered.</summary>
        public long LastSeq => Interlocked.Read(ref _lastSeq);

        public PushConnectionState State => (PushConnectionState)Volatile.Read(ref _state);

        /// <summary>Completes when the watch stops (by <see cref="StopAsync"/>, or faulted). Never faults itself.</summary>
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

        /// <summary>Starts connecting. Restartable after it stopped or faulted.</summary>
        /// <exception cref="InvalidOperationException">Already running.</exception>
        public void Start()
        {
            lock (_gate)
            {
                if (!_completion.IsCompleted)
                {
                    throw new InvalidOperationException("The auction watch is already running.");
                }

                _stop?.Dispose();
                _stop = new CancellationTokenSource();
                _completion = RunAsync(_stop.Token);
            }
        }

        /// <summary>Closes the socket and stops reconnecting.</summary>
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
                await Task.Yield();
                while (true)
                {
                    stop.ThrowIfCancellationRequested();
                    var token = _token();
                    if (token == null)
                    {
                        Fault(new CommerceApiException(CommerceErrorKind.Unauthorized, null, "Not signed in",
                            "Watching an auction needs a session: sign in, then start the watch again."));
                        return;
                    }

                    SetState(PushConnectionState.Connecting, failures, null, null);
                    Exception? failure = null;
                    IPushConnection? connection = null;
                    try
                    {
                        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop))
                        {
                            timeout.CancelAfter(_connectTimeout);
                            connection = await _transport.ConnectAsync(BuildRequest(token), timeout.Token).ConfigureAwait(false);
                        }

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
                    catch (PushConnectException e) when (e.StatusCode == 401 || e.StatusCode == 403 || e.StatusCode == 404)
                    {
                        Fault(new CommerceApiException(CommerceApiException.KindOf(e.StatusCode.Value), e.StatusCode, "Auction watch refused",
                            e.StatusCode == 404 ? "Item " + _itemId + " has no auction." : "The server refused the token; sign in again.", innerException: e));
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
                Fault(e);
            }
        }

        private PushConnectRequest BuildRequest(string token)
        {
            var url = new UriBuilder(_baseUrl) { Scheme = _baseUrl.Scheme == "https" ? "wss" : "ws", Port = _baseUrl.Port };
            url.Path = url.Path.TrimEnd('/') + "/api/auctions/" + Uri.EscapeDataString(_itemId) + "/watch";
            var headers = new Dictionary<string, string>();
            if (_transport.SupportsRequestHeaders)
            {
                headers["Authorization"] = "Bearer " + token;
            }
            else
            {
                url.Query = "access_token=" + Uri.EscapeDataString(token);
            }

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
                _dispatcher.Raise(Error, new FormatException("Skipped an auction frame: " + e.Message, e), null);
                return;
            }

            try
            {
                if (message.Type == PushTypes.AuctionSnapshot)
                {
                    // The snapshot holds everything up to its seq: later frames continue from there.
                    var info = AuctionInfo.FromJson(message.ParsePayload());
                    Interlocked.Exchange(ref _lastSeq, message.Seq);
                    _dispatcher.Raise(MessageReceived, message, ReportHandlerError);
                    _dispatcher.Raise(Snapshot, info, ReportHandlerError);
                    return;
                }

                if (message.Seq <= LastSeq)
                {
                    return;
                }

                Interlocked.Exchange(ref _lastSeq, message.Seq);
                _dispatcher.Raise(MessageReceived, message, ReportHandlerError);
                if (message.Type == PushTypes.BidAccepted && BidAccepted != null)
                {
                    _dispatcher.Raise(BidAccepted, AuctionBid.FromJson(message.ParsePayload(), message.Seq), ReportHandlerError);
                }
            }
            catch (Exception e) when (e is FormatException || e is JsonParseException)
            {
                _dispatcher.Raise(Error, new FormatException("Auction frame " + message.Seq + " (" + message.Type + ") is not readable: " + e.Message, e), null);
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
