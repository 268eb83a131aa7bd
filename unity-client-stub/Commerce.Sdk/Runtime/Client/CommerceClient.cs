using System;
using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>
    /// The game's connection to Commerce: sign in with a wallet, show interest in items, read the
    /// player's and items' state, and subscribe to real-time pushes. Thread-safe; create one per
    /// player session. Awaiting its methods from Unity's main thread resumes on the main thread.
    /// </summary>
    public sealed class CommerceClient : IDisposable
    {
        private const double MaxDwellSeconds = 3600;

        private readonly CommerceClientOptions _options;
        private readonly Uri _baseUrl;
        private readonly IHttpTransport _http;
        private readonly IPushTransport _push;
        private readonly bool _ownsHttp;
        private CommerceSession? _session;

        /// <summary>A client over HttpClient and ClientWebSocket.</summary>
        public CommerceClient(CommerceClientOptions options)
            : this(options, null, null)
        {
        }

        /// <summary>
        /// A client over custom transports (for example UnityWebRequest and a browser WebSocket
        /// bridge in WebGL builds). Null picks the default for that transport.
        /// </summary>
        public CommerceClient(CommerceClientOptions options, IHttpTransport? httpTransport, IPushTransport? pushTransport)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            _options = options.Snapshot();
            var root = _options.BaseUrl!.AbsoluteUri;
            _baseUrl = new Uri(root.EndsWith("/", StringComparison.Ordinal) ? root : root + "/");
            _ownsHttp = httpTransport == null;
            _http = httpTransport ?? new HttpClientTransport();
            _push = pushTransport ?? new ClientWebSocketTransport(_options.PushKeepAliveInterval, _options.MaxPushMessageBytes);
        }

        /// <summary>The current session, or null before sign-in.</summary>
        public CommerceSession? Session => Volatile.Read(ref _session);

        public bool IsSignedIn => Session != null;

        /// <summary>Resumes a session the game stored earlier (no server call).</summary>
        public void UseSession(CommerceSession session) =>
            Volatile.Write(ref _session, session ?? throw new ArgumentNullException(nameof(session)));

        /// <summary>Forgets the token. Open push subscriptions stop at their next reconnect.</summary>
        public void SignOut() => Volatile.Write(ref _session, null);

        /// <summary>
        /// Signs in with Sign-In with Ethereum: asks the server for a challenge for the signer's
        /// address, has the wallet sign it with <c>personal_sign</c>, and exchanges the signature for
        /// a bearer token that later calls carry.
        /// </summary>
        /// <exception cref="CommerceApiException">The server refused (for example 401 for a bad signature) or could not be reached.</exception>
        public async Task<CommerceSession> SignInAsync(IWalletSigner signer, CancellationToken cancellationToken = default)
        {
            if (signer == null)
            {
                throw new ArgumentNullException(nameof(signer));
            }

            var address = signer.Address;
            if (string.IsNullOrWhiteSpace(address))
            {
                throw new ArgumentException("The wallet signer has no address.", nameof(signer));
            }

            var challengeBody = new JsonWriter().WriteStartObject().Write("address", address).WriteEndObject().ToString();
            var challenge = await SendAsync("POST", "api/auth/challenge", challengeBody, false, cancellationToken).ConfigureAwait(false);
            var message = JsonFields.Required(challenge, "message", "challenge");

            var signature = await signer.SignPersonalMessageAsync(message, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(signature))
            {
                throw new InvalidOperationException("The wallet signer returned an empty signature.");
            }

            var signInBody = new JsonWriter().WriteStartObject()
                .Write("message", message)
                .Write("signature", signature)
                .WriteEndObject()
                .ToString();
            var signedIn = await SendAsync("POST", "api/auth/sign-in", signInBody, false, cancellationToken).ConfigureAwait(false);
            var session = new CommerceSession(
                JsonFields.Required(signedIn, "token", "sign-in"),
                JsonFields.Required(signedIn, "playerId", "sign-in"),
                signedIn.GetTimestampOrNull("expiresAt"));
            Volatile.Write(ref _session, session);
            return session;
        }

        /// <summary>Records that the player looked at <paramref name="itemId"/> for <paramref name="dwellSeconds"/>.</summary>
        /// <exception cref="ArgumentException">Empty item id, or a dwell time outside 0..3600 seconds.</exception>
        /// <exception cref="CommerceApiException">NotFound for an unlisted item, Validation, Unauthorized...</exception>
        public async Task<InterestAccepted> ShowInterestAsync(string itemId, double dwellSeconds, CancellationToken cancellationToken = default)
        {
            RequireItemId(itemId);
            if (double.IsNaN(dwellSeconds) || dwellSeconds < 0 || dwellSeconds > MaxDwellSeconds)
            {
                throw new ArgumentOutOfRangeException(nameof(dwellSeconds), dwellSeconds, "dwellSeconds must be between 0 and 3600.");
            }

            var body = new JsonWriter().WriteStartObject()
                .Write("itemId", itemId)
                .Write("dwellSeconds", dwellSeconds)
                .WriteEndObject()
                .ToString();
            var accepted = await SendAsync("POST", "api/me/interests", body, true, cancellationToken).ConfigureAwait(false);
            return new InterestAccepted(accepted.GetScalarTextOrDefault("eventId") ?? string.Empty);
        }

        /// <summary>The player's session state: wallet, loyalty tier, interests, intents, offers, orders.</summary>
        public async Task<PlayerState> GetMyStateAsync(CancellationToken cancellationToken = default)
        {
            var json = await SendAsync("GET", "api/me", null, true, cancellationToken).ConfigureAwait(false);
            return PlayerState.FromJson(RequireObject(json, "GET /api/me"));
        }

        /// <summary>An item's state: collection, token id, rarity, supply, owner, floor, bids, interest counts, status.</summary>
        public async Task<ItemState> GetItemAsync(string itemId, CancellationToken cancellationToken = default)
        {
            RequireItemId(itemId);
            var json = await SendAsync("GET", "api/items/" + Uri.EscapeDataString(itemId), null, true, cancellationToken)
                .ConfigureAwait(false);
            return ItemState.FromJson(RequireObject(json, "GET /api/items/{itemId}"));
        }

        /// <summary>
        /// A push subscription resuming after <paramref name="cursor"/> (the last seq the game
        /// processed; 0 for everything the server still holds). Attach handlers, then call
        /// <see cref="PushSubscription.Start"/>. It uses the client's current token on every (re)connect.
        /// </summary>
        public PushSubscription CreatePushSubscription(long cursor = 0)
        {
            if (cursor < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(cursor), cursor, "cursor must not be negative.");
            }

            return new PushSubscription(_baseUrl, () => Session?.Token, _push, _options, cursor);
        }

        public void Dispose()
        {
            if (_ownsHttp && _http is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }

        private async Task<JsonValue> SendAsync(string method, string path, string? body, bool authenticated, CancellationToken cancellationToken)
        {
            string? token = null;
            if (authenticated)
            {
                token = Session?.Token ?? throw new InvalidOperationException(
                    "Not signed in: call SignInAsync (or UseSession) before " + method + " /" + path + ".");
            }

            var request = new HttpTransportRequest(method, new Uri(_baseUrl, path), token, body);
            HttpTransportResponse response;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(_options.RequestTimeout);
                try
                {
                    response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException e) when (timeout.IsCancellationRequested)
                {
                    throw new CommerceApiException(
                        CommerceErrorKind.Timeout,
                        null,
                        "Timeout",
                        method + " /" + path + " got no answer within " + _options.RequestTimeout + ".",
                        innerException: e);
                }
                catch (Exception e) when (!(e is CommerceApiException) && !(e is OperationCanceledException))
                {
                    throw new CommerceApiException(
                        CommerceErrorKind.Network,
                        null,
                        "Network error",
                        method + " /" + path + ": " + e.Message,
                        innerException: e);
                }
            }

            if (response.StatusCode < 200 || response.StatusCode > 299)
            {
                throw CommerceApiException.FromHttpResponse(response.StatusCode, response.Body);
            }

            if (string.IsNullOrWhiteSpace(response.Body))
            {
                return JsonValue.Null;
            }

            try
            {
                return JsonReader.Parse(response.Body);
            }
            catch (JsonParseException e)
            {
                throw new CommerceApiException(
                    CommerceErrorKind.InvalidResponse,
                    response.StatusCode,
                    "Invalid response",
                    method + " /" + path + " answered with a body that is not JSON: " + e.Message,
                    innerException: e);
            }
        }

        private static JsonValue RequireObject(JsonValue json, string what) =>
            json.Kind == JsonKind.Object
                ? json
                : throw new CommerceApiException(
                    CommerceErrorKind.InvalidResponse, 200, "Invalid response", what + " answered with " + json.Kind + ", expected an object.");

        private static void RequireItemId(string itemId)
        {
            if (string.IsNullOrWhiteSpace(itemId))
            {
                throw new ArgumentException("itemId is required (\"collection:tokenId\").", nameof(itemId));
            }
        }
    }
}
