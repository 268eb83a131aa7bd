using System;
using System.Collections.Generic;
using System.Linq;
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
        private const int MaxIdempotencyKeyLength = 128;
        private const int MinInstallments = 2;
        private const int MaxInstallments = 24;
        private const int MaxChatTextLength = 500;

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

        /// <summary>
        /// Asks the chatbot a question, about <paramref name="itemId"/> when the game asks from an item's page (or about
        /// an item the text names). The answer is written from the item's live state and the price offered to this player.
        /// Each call is one turn with a fresh <c>Idempotency-Key</c>: when the server cannot be reached, times out or fails
        /// with 5xx/429 the SDK asks again with the same key (up to <see cref="CommerceClientOptions.MaxChatAttempts"/>),
        /// so a retried turn is answered once and its intent published once.
        /// </summary>
        /// <exception cref="ArgumentException">Empty text, text over 500 characters, or an empty item id.</exception>
        /// <exception cref="CommerceApiException">NotFound when <paramref name="itemId"/> is not listed, Validation, TooManyRequests...</exception>
        public async Task<ChatAnswer> AskAsync(string text, string? itemId = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > MaxChatTextLength)
            {
                throw new ArgumentException("text must be 1.." + MaxChatTextLength + " characters.", nameof(text));
            }

            if (itemId != null)
            {
                RequireItemId(itemId);
            }

            var writer = new JsonWriter().WriteStartObject().Write("text", text);
            if (itemId != null)
            {
                writer.Write("itemId", itemId);
            }

            // One key per turn, the same on each retry of it: the platform answers a retry with the first answer and
            // publishes the turn's intent once.
            var (json, _) = await SendIdempotentAsync(
                "api/me/chat", writer.WriteEndObject().ToString(), Guid.NewGuid().ToString("N"), _options.MaxChatAttempts, _options.ChatRetryDelay, cancellationToken)
                .ConfigureAwait(false);
            return ChatAnswer.FromJson(RequireObject(json, "POST /api/me/chat"));
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
        /// The chain the platform sells on: chain id, a JSON-RPC URL for the wallet (when shared), the Checkout and
        /// custody contracts, currencies and collections. Anonymous.
        /// </summary>
        /// <exception cref="CommerceApiException">NotFound when the platform has no chain configured.</exception>
        public async Task<ChainInfo> GetChainInfoAsync(CancellationToken cancellationToken = default)
        {
            var json = await SendAsync("GET", "api/chain", null, false, cancellationToken).ConfigureAwait(false);
            return ChainInfo.FromJson(RequireObject(json, "GET /api/chain"));
        }

        /// <summary>
        /// Development chains only: tops the player's wallet up to at least 100 ETH and 1,000,000 of the stablecoin.
        /// </summary>
        /// <exception cref="CommerceApiException">NotFound when the platform runs no dev chain.</exception>
        public async Task<FaucetResult> RequestFaucetAsync(CancellationToken cancellationToken = default)
        {
            var json = RequireObject(await SendAsync("POST", "api/dev/faucet", null, true, cancellationToken).ConfigureAwait(false), "POST /api/dev/faucet");
            return new FaucetResult(
                JsonFields.Required(json, "wallet", "faucet"),
                json.GetScalarTextOrDefault("eth") ?? "0",
                json.GetScalarTextOrDefault("usdc") ?? "0");
        }

        /// <summary>
        /// The same item, price and expiry as <paramref name="quote"/> (an offered quote paid in full) in
        /// <paramref name="installments"/> payments, signed by the platform. Asking twice gives the same quote.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="installments"/> is not 2 to 24.</exception>
        /// <exception cref="CommerceApiException">Validation naming the field (an expired or altered quote), Forbidden (another wallet's).</exception>
        public async Task<SignedQuote> QuoteInstallmentsAsync(SignedQuote quote, int installments, CancellationToken cancellationToken = default)
        {
            if (quote == null)
            {
                throw new ArgumentNullException(nameof(quote));
            }

            if (installments < MinInstallments || installments > MaxInstallments)
            {
                throw new ArgumentOutOfRangeException(nameof(installments), installments, "installments must be 2 to 24.");
            }

            var writer = new JsonWriter().WriteStartObject().WritePropertyName("quote");
            quote.WriteTo(writer);
            var body = writer.Write("signature", quote.Signature).Write("installments", installments).WriteEndObject().ToString();
            var json = RequireObject(
                await SendAsync("POST", "api/me/quotes/installments", body, true, cancellationToken).ConfigureAwait(false),
                "POST /api/me/quotes/installments");
            try
            {
                return SignedQuote.FromJson(json["quote"], JsonFields.Required(json, "signature", "installments quote"));
            }
            catch (FormatException e)
            {
                throw new CommerceApiException(CommerceErrorKind.InvalidResponse, 200, "Invalid response", e.Message, innerException: e);
            }
        }

        /// <summary>Orders an offered item with its signed quote; see <see cref="PlaceOrderAsync(string, SignedQuote, string, string, CancellationToken)"/>.</summary>
        public Task<OrderPlacement> PlaceOrderAsync(OfferedItem item, string paymentKind, CancellationToken cancellationToken = default)
        {
            if (item == null)
            {
                throw new ArgumentNullException(nameof(item));
            }

            return PlaceOrderAsync(item.ItemId, item.Quote, paymentKind, null, cancellationToken);
        }

        /// <summary>
        /// Orders <paramref name="itemId"/> against its signed quote. The order id is the quote's nonce. The request
        /// carries an <c>Idempotency-Key</c> (a fresh one unless given): when the server cannot be reached, times out
        /// or fails with 5xx/429 the SDK retries with the same key (up to <see cref="CommerceClientOptions.MaxOrderAttempts"/>),
        /// so a retry never places a second order. Then follow the order by <c>OrderUpdated</c> pushes, and pay the
        /// steps of <see cref="GetPaymentAsync"/> once it is reserved.
        /// </summary>
        /// <param name="paymentKind">One of <see cref="PaymentKinds"/>.</param>
        /// <param name="idempotencyKey">1 to 128 characters; null to have one generated. Reuse it to retry after a restart.</param>
        /// <exception cref="ArgumentException">Empty item id, unknown payment kind, or a bad key.</exception>
        /// <exception cref="CommerceApiException">Validation naming the field (quote.expiry, signature, paymentKind ...),
        /// Forbidden (quote.buyer), NotFound (item not listed), Conflict (the quote was ordered under another key).</exception>
        public async Task<OrderPlacement> PlaceOrderAsync(
            string itemId, SignedQuote quote, string paymentKind, string? idempotencyKey = null, CancellationToken cancellationToken = default)
        {
            RequireItemId(itemId);
            if (quote == null)
            {
                throw new ArgumentNullException(nameof(quote));
            }

            if (paymentKind != PaymentKinds.Eth && paymentKind != PaymentKinds.Stablecoin
                && paymentKind != PaymentKinds.Installments && paymentKind != PaymentKinds.Custodial)
            {
                throw new ArgumentException("paymentKind must be eth, stablecoin, installments or custodial, got '" + paymentKind + "'.", nameof(paymentKind));
            }

            if (idempotencyKey != null && (idempotencyKey.Length == 0 || idempotencyKey.Length > MaxIdempotencyKeyLength))
            {
                throw new ArgumentException("idempotencyKey must be 1 to 128 characters.", nameof(idempotencyKey));
            }

            var key = idempotencyKey ?? Guid.NewGuid().ToString("N");
            var writer = new JsonWriter().WriteStartObject().Write("itemId", itemId).WritePropertyName("quote");
            quote.WriteTo(writer);
            var body = writer.Write("signature", quote.Signature).Write("paymentKind", paymentKind).WriteEndObject().ToString();
            var (json, attempts) = await SendIdempotentAsync("api/me/orders", body, key, _options.MaxOrderAttempts, _options.OrderRetryDelay, cancellationToken)
                .ConfigureAwait(false);
            return new OrderPlacement(JsonFields.Required(json, "orderId", "order"), key, attempts);
        }

        /// <summary>One of the player's orders: status, payments and every step it went through.</summary>
        /// <exception cref="CommerceApiException">NotFound unless it is the caller's order (or it is not placed yet).</exception>
        public async Task<OrderDetails> GetOrderAsync(string orderId, CancellationToken cancellationToken = default)
        {
            RequireOrderId(orderId);
            var json = await SendAsync("GET", "api/me/orders/" + Uri.EscapeDataString(orderId), null, true, cancellationToken).ConfigureAwait(false);
            return OrderDetails.FromJson(RequireObject(json, "GET /api/me/orders/{orderId}"));
        }

        /// <summary>
        /// What the player's wallet must send next for the order: the transactions in order (approve, then purchase
        /// or payInstallment), the amount due and its deadline. Empty until the item is held for the order.
        /// </summary>
        public async Task<PaymentInstructions> GetPaymentAsync(string orderId, CancellationToken cancellationToken = default)
        {
            RequireOrderId(orderId);
            var json = await SendAsync("GET", "api/me/orders/" + Uri.EscapeDataString(orderId) + "/payment", null, true, cancellationToken)
                .ConfigureAwait(false);
            return PaymentInstructions.FromJson(RequireObject(json, "GET /api/me/orders/{orderId}/payment"));
        }

        /// <summary>The items the player's wallet owns (checked on chain when the platform has a chain).</summary>
        public async Task<IReadOnlyList<OwnedNft>> GetOwnedNftsAsync(CancellationToken cancellationToken = default)
        {
            var json = await SendAsync("GET", "api/me/nfts", null, true, cancellationToken).ConfigureAwait(false);
            if (json.Kind != JsonKind.Array)
            {
                throw new CommerceApiException(
                    CommerceErrorKind.InvalidResponse, 200, "Invalid response", "GET /api/me/nfts answered with " + json.Kind + ", expected an array.");
            }

            return json.Items.Where(i => i.Kind == JsonKind.Object).Select(OwnedNft.Read).ToList();
        }

        /// <summary>The player's custodial balance, what is held for orders in flight, and its deposits.</summary>
        public async Task<CustodialBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
        {
            var json = await SendAsync("GET", "api/me/balance", null, true, cancellationToken).ConfigureAwait(false);
            return CustodialBalance.FromJson(RequireObject(json, "GET /api/me/balance"));
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

        /// <summary>
        /// POSTs <paramref name="body"/> with <c>Idempotency-Key: <paramref name="key"/></c>, again with the same key when
        /// the server cannot be reached, times out or fails with 5xx/429 (at most <paramref name="maxAttempts"/> requests,
        /// the delay doubling from <paramref name="firstDelay"/>): the answer and how many requests it took.
        /// </summary>
        private async Task<(JsonValue Json, int Attempts)> SendIdempotentAsync(
            string path, string body, string key, int maxAttempts, TimeSpan firstDelay, CancellationToken cancellationToken)
        {
            var headers = new Dictionary<string, string> { { "Idempotency-Key", key } };
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return (await SendAsync("POST", path, body, true, cancellationToken, headers).ConfigureAwait(false), attempt);
                }
                catch (CommerceApiException e) when (e.IsTransient && attempt < maxAttempts)
                {
                    var delay = TimeSpan.FromTicks(firstDelay.Ticks << (attempt - 1));
                    await Task.Delay(delay, cancellationToken).ConfigureAwait(false); // backoff between attempts, not a wait for a result
                }
            }
        }

        private async Task<JsonValue> SendAsync(
            string method, string path, string? body, bool authenticated, CancellationToken cancellationToken,
            IReadOnlyDictionary<string, string>? headers = null)
        {
            string? token = null;
            if (authenticated)
            {
                token = Session?.Token ?? throw new InvalidOperationException(
                    "Not signed in: call SignInAsync (or UseSession) before " + method + " /" + path + ".");
            }

            var request = new HttpTransportRequest(method, new Uri(_baseUrl, path), token, body, headers);
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

        private static void RequireOrderId(string orderId)
        {
            if (string.IsNullOrWhiteSpace(orderId))
            {
                throw new ArgumentException("orderId is required (0x + 64 hex digits).", nameof(orderId));
            }
        }

        /// <summary>
        /// Bids <paramref name="amount"/> (whole units of <paramref name="currency"/>) on <paramref name="itemId"/>'s
        /// auction. <paramref name="bidId"/> is this bid's own id: retrying with it is answered as the first time. The
        /// answer is typed (<see cref="BidStatuses"/>): a refused bid is an answer, not an exception.
        /// </summary>
        /// <exception cref="CommerceApiException">Validation naming the field (bidId, amount, currency), NotFound (no auction).</exception>
        public async Task<BidResult> PlaceBidAsync(string itemId, string bidId, decimal amount, string currency, CancellationToken cancellationToken = default)
        {
            RequireItemId(itemId);
            if (string.IsNullOrEmpty(bidId))
            {
                throw new ArgumentException("bidId is required.", nameof(bidId));
            }

            var body = new JsonWriter().WriteStartObject().Write("bidId", bidId).WritePropertyName("amount").WriteNumber(amount)
                .Write("currency", currency).WriteEndObject().ToString();
            var json = await SendAsync("POST", "api/auctions/" + Uri.EscapeDataString(itemId) + "/bids", body, true, cancellationToken).ConfigureAwait(false);
            return BidResult.FromJson(RequireObject(json, "POST /api/auctions/{itemId}/bids"));
        }

        /// <summary>
        /// A live watch of <paramref name="itemId"/>'s auction (its snapshot, then every accepted bid, the close and the end);
        /// attach handlers, then call <see cref="AuctionWatch.Start"/>. It reconnects by itself and uses the client's current
        /// token on every (re)connect.
        /// </summary>
        public AuctionWatch CreateAuctionWatch(string itemId)
        {
            RequireItemId(itemId);
            return new AuctionWatch(_baseUrl, itemId, () => Session?.Token, _push, _options);
        }

        /// <summary>The item's auction as it stands.</summary>
        /// <exception cref="CommerceApiException">NotFound when the item has no auction.</exception>
        public async Task<AuctionInfo> GetAuctionAsync(string itemId, CancellationToken cancellationToken = default)
        {
            RequireItemId(itemId);
            var json = await SendAsync("GET", "api/auctions/" + Uri.EscapeDataString(itemId), null, true, cancellationToken).ConfigureAwait(false);
            return AuctionInfo.FromJson(RequireObject(json, "GET /api/auctions/{itemId}"));
        }

        private static void RequireItemId(string itemId)
        {
            if (string.IsNullOrWhiteSpace(itemId))
            {
                throw new ArgumentException("itemId is required (\"collection:tokenId\").", nameof(itemId));
            }
        }
    }
}
