using System;
using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>
    /// A WebSocket the SDK keeps open for the game: connects with the client's current token, hands each frame to the
    /// subclass, and after any drop reconnects with exponential backoff and jitter. A refused token (401/403), and what
    /// the subclass names in <see cref="StopsOn"/>, stop it as <see cref="PushConnectionState.Faulted"/>.
    /// Handlers run on <see cref="CommerceClientOptions.CallbackContext"/> when set, else inline.
    /// The base of <see cref="PushSubscription"/> and <see cref="AuctionWatch"/>.
    /// </summary>
    public abstract class SocketSubscription : IDisposable
    {
        private readonly Func<string?> _token;
        private readonly IPushTransport _transport;
        private readonly TimeSpan _connectTimeout;
        private readonly ReconnectBackoff _backoff;
        private readonly object _gate = new object();
        private readonly string _name;
        private int _state;
        private CancellationTokenSource? _stop;
        private Task _completion = Task.CompletedTask;

        private protected SocketSubscription(string name, Func<string?> token, IPushTransport transport, CommerceClientOptions options)
        {
            _name = name;
            _token = token;
            _transport = transport;
            _connectTimeout = options.PushConnectTimeout;
            _backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay, options.ReconnectJitter);
            Dispatcher = new CallbackDispatcher(options.CallbackContext);
        }

        /// <summary>Connecting, connected, reconnecting (with the delay and the cause), stopped, faulted.</summary>
        public event Action<PushStateChange>? StateChanged;

        /// <summary>A frame that was not readable (skipped), or an exception thrown by an inline handler.</summary>
        public event Action<Exception>? Error;

        public PushConnectionState State => (PushConnectionState)Volatile.Read(ref _state);

        /// <summary>Completes when it stops (by <see cref="StopAsync"/>, or faulted). Never faults itself.</summary>
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

        private protected CallbackDispatcher Dispatcher { get; }

        /// <summary>Whether request headers reach the server (else the token travels as <c>access_token</c>).</summary>
        private protected bool TransportSendsHeaders => _transport.SupportsRequestHeaders;

        /// <summary>Starts connecting. Restartable after it stopped or faulted (for example after signing in again).</summary>
        /// <exception cref="InvalidOperationException">Already running.</exception>
        public void Start()
        {
            lock (_gate)
            {
                if (!_completion.IsCompleted)
                {
                    throw new InvalidOperationException("The " + _name + " is already running.");
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

        /// <summary>Where to connect with <paramref name="token"/>.</summary>
        private protected abstract PushConnectRequest BuildRequest(string token);

        /// <summary>One text frame received.</summary>
        private protected abstract void OnFrame(string frame);

        /// <summary>The error that stops it when the server refuses the upgrade with this status, or null to retry.</summary>
        private protected virtual CommerceApiException? StopsOn(int status) =>
            status == 401 || status == 403
                ? new CommerceApiException(CommerceApiException.KindOf(status), status, "Push channel refused",
                    "The server refused the token for the " + _name + "; sign in again.")
                : null;

        /// <summary>Raises <see cref="Error"/> (a handler's exception, or a frame skipped).</summary>
        private protected void ReportHandlerError(Exception e) => Dispatcher.Raise(Error, e, null);

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
                            "The " + _name + " needs a session: sign in, then start it again."));
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
                    catch (PushConnectException e) when (e.StatusCode.HasValue && StopsOn(e.StatusCode.Value) != null)
                    {
                        var refused = StopsOn(e.StatusCode!.Value)!;
                        Fault(new CommerceApiException(refused.Kind, refused.StatusCode, refused.Title, refused.Detail, innerException: e));
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
                throw new TimeoutException("Opening the " + _name + " took longer than " + _connectTimeout + ".", e);
            }
        }

        private void Fault(Exception error) => SetState(PushConnectionState.Faulted, 0, null, error);

        private void SetState(PushConnectionState state, int attempt, TimeSpan? retryIn, Exception? error)
        {
            Volatile.Write(ref _state, (int)state);
            Dispatcher.Raise(StateChanged, new PushStateChange(state, attempt, retryIn, error), ReportHandlerError);
        }
    }
}
