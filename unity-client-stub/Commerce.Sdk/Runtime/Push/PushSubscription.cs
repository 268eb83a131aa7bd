using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace Commerce.Sdk
{
    /// <summary>
    /// Real-time pushes for the signed-in player over <c>/api/push</c>. Keeps the cursor (the last
    /// seq delivered), drops frames with seq at or below it, and after any drop reconnects with
    /// exponential backoff and jitter, resuming from the cursor so nothing is missed or repeated.
    /// Handlers run on <see cref="CommerceClientOptions.CallbackContext"/> when set, else inline.
    /// Create with <see cref="CommerceClient.CreatePushSubscription"/>.
    /// </summary>
    public sealed class PushSubscription : SocketSubscription
    {
        private readonly Uri _baseUrl;
        private long _cursor;
        private long _duplicatesDropped;

        internal PushSubscription(Uri baseUrl, Func<string?> token, IPushTransport transport, CommerceClientOptions options, long cursor)
            : base("push subscription", token, transport, options)
        {
            _baseUrl = baseUrl;
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

        /// <summary>The last seq delivered to <see cref="MessageReceived"/>; store it to resume in a later session.</summary>
        public long Cursor => Interlocked.Read(ref _cursor);

        /// <summary>How many frames were dropped because their seq was at or below the cursor.</summary>
        public long DuplicatesDropped => Interlocked.Read(ref _duplicatesDropped);

        private protected override PushConnectRequest BuildRequest(string token)
        {
            var url = new UriBuilder(_baseUrl)
            {
                Scheme = _baseUrl.Scheme == "https" ? "wss" : "ws",
                Port = _baseUrl.Port,
            };
            url.Path = url.Path.TrimEnd('/') + "/api/push";
            var query = "cursor=" + Cursor.ToString(CultureInfo.InvariantCulture);
            var headers = new Dictionary<string, string>();
            if (TransportSendsHeaders)
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

        private protected override void OnFrame(string frame)
        {
            PushMessage message;
            try
            {
                message = PushMessage.Parse(frame);
            }
            catch (FormatException e)
            {
                ReportHandlerError(new FormatException("Skipped a push frame: " + e.Message, e));
                return;
            }

            if (message.Seq <= Cursor)
            {
                Interlocked.Increment(ref _duplicatesDropped);
                return;
            }

            Interlocked.Exchange(ref _cursor, message.Seq);
            Dispatcher.Raise(MessageReceived, message, ReportHandlerError);
            RaiseTyped(message);
        }

        private void RaiseTyped(PushMessage message)
        {
            try
            {
                if (message.Type == PushTypes.OrderUpdated && OrderUpdated != null)
                {
                    Dispatcher.Raise(OrderUpdated, message.ReadOrderUpdate(), ReportHandlerError);
                }
                else if (message.Type == PushTypes.OfferMade && OfferReceived != null)
                {
                    Dispatcher.Raise(OfferReceived, message.ReadOffer(), ReportHandlerError);
                }
                else if (message.Type == PushTypes.AuctionWon && AuctionWon != null)
                {
                    Dispatcher.Raise(AuctionWon, Sdk.AuctionWon.FromJson(message.ParsePayload()), ReportHandlerError);
                }
                else if (message.Type == PushTypes.AuctionLost && AuctionLost != null)
                {
                    Dispatcher.Raise(AuctionLost, Sdk.AuctionLost.FromJson(message.ParsePayload()), ReportHandlerError);
                }
            }
            catch (Exception e) when (e is FormatException || e is JsonParseException)
            {
                ReportHandlerError(new FormatException("Push " + message.Seq + " (" + message.Type + ") is not readable: " + e.Message, e));
            }
        }
    }
}
