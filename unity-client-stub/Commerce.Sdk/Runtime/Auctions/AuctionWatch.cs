using System;
using System.Collections.Generic;
using System.Threading;

namespace Commerce.Sdk
{
    /// <summary>
    /// An item's auction as it happens, over the watch socket <c>/api/auctions/{itemId}/watch</c>. Every connection starts
    /// with the auction's snapshot (<see cref="Snapshot"/>), then each accepted bid, the close, the offers and the end as they
    /// happen (<see cref="BidAccepted"/>, <see cref="MessageReceived"/> for all). A frame numbered at or below the last one
    /// seen is dropped, so a reconnect (the backoff of <see cref="SocketSubscription"/>) never repeats a bid, and the
    /// snapshot it starts with covers what the drop missed. 401/403 (the token) and 404 (no auction) stop it.
    /// Create with <see cref="CommerceClient.CreateAuctionWatch"/>.
    /// </summary>
    public sealed class AuctionWatch : SocketSubscription
    {
        private readonly Uri _baseUrl;
        private readonly string _itemId;
        private long _lastSeq;

        internal AuctionWatch(Uri baseUrl, string itemId, Func<string?> token, IPushTransport transport, CommerceClientOptions options)
            : base("auction watch", token, transport, options)
        {
            _baseUrl = baseUrl;
            _itemId = itemId;
        }

        /// <summary>The auction as it stands, at every (re)connection.</summary>
        public event Action<AuctionInfo>? Snapshot;

        /// <summary>An accepted bid, in the auction's order, each at most once.</summary>
        public event Action<AuctionBid>? BidAccepted;

        /// <summary>Every frame delivered (the snapshot, bids, AuctionClosed, AuctionWinnerOffered, AuctionEnded), in order.</summary>
        public event Action<PushMessage>? MessageReceived;

        public string ItemId => _itemId;

        /// <summary>The auction's sequence number of the newest frame delivered.</summary>
        public long LastSeq => Interlocked.Read(ref _lastSeq);

        private protected override CommerceApiException? StopsOn(int status) =>
            status == 404
                ? new CommerceApiException(CommerceErrorKind.NotFound, status, "Auction watch refused", "Item " + _itemId + " has no auction.")
                : base.StopsOn(status);

        private protected override PushConnectRequest BuildRequest(string token)
        {
            var url = new UriBuilder(_baseUrl) { Scheme = _baseUrl.Scheme == "https" ? "wss" : "ws", Port = _baseUrl.Port };
            url.Path = url.Path.TrimEnd('/') + "/api/auctions/" + Uri.EscapeDataString(_itemId) + "/watch";
            var headers = new Dictionary<string, string>();
            if (TransportSendsHeaders)
            {
                headers["Authorization"] = "Bearer " + token;
            }
            else
            {
                url.Query = "access_token=" + Uri.EscapeDataString(token);
            }

            return new PushConnectRequest(url.Uri, headers);
        }

        private protected override void OnFrame(string frame)
        {
            PushMessage message;
            try
            {
                message = PushMessage.Parse(frame, 0);
            }
            catch (FormatException e)
            {
                ReportHandlerError(new FormatException("Skipped an auction frame: " + e.Message, e));
                return;
            }

            try
            {
                if (message.Type == PushTypes.AuctionSnapshot)
                {
                    // The snapshot holds everything up to its seq: later frames continue from there.
                    var info = AuctionInfo.FromJson(message.ParsePayload());
                    Interlocked.Exchange(ref _lastSeq, message.Seq);
                    Dispatcher.Raise(MessageReceived, message, ReportHandlerError);
                    Dispatcher.Raise(Snapshot, info, ReportHandlerError);
                    return;
                }

                if (message.Seq <= LastSeq)
                {
                    return;
                }

                Interlocked.Exchange(ref _lastSeq, message.Seq);
                Dispatcher.Raise(MessageReceived, message, ReportHandlerError);
                if (message.Type == PushTypes.BidAccepted && BidAccepted != null)
                {
                    Dispatcher.Raise(BidAccepted, AuctionBid.FromJson(message.ParsePayload(), message.Seq), ReportHandlerError);
                }
            }
            catch (Exception e) when (e is FormatException || e is JsonParseException)
            {
                ReportHandlerError(new FormatException("Auction frame " + message.Seq + " (" + message.Type + ") is not readable: " + e.Message, e));
            }
        }
    }
}
