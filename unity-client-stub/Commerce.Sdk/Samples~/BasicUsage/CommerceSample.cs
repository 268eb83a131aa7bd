using System;
using System.Threading;
using System.Threading.Tasks;
using UnityEngine;

namespace Commerce.Sdk.Samples
{
    /// <summary>
    /// The game's wallet: signs the sign-in message and signs and sends the payment steps the SDK returns (the SDK
    /// never holds a key). Implement it with your wallet integration (WalletConnect, an embedded wallet...).
    /// </summary>
    public interface IGameWallet : IWalletSigner
    {
        /// <summary>Signs and sends a transaction calling <paramref name="to"/> with <paramref name="data"/> and <paramref name="valueWei"/>; returns its hash once mined.</summary>
        Task<string> SendTransactionAsync(string to, string data, string valueWei, CancellationToken cancellationToken);
    }

    /// <summary>
    /// Drop on a GameObject. Signs in with the game's wallet, reports interest when the player
    /// has looked at an item for a while, logs pushes on the main thread, and when an offer for the
    /// item arrives and the player accepts it: orders it, waits until the item is held for the order,
    /// and has the wallet pay the steps (approve, purchase; each installment when its reminder arrives).
    /// Replace <see cref="CreateWallet"/> with your wallet integration.
    /// </summary>
    public sealed class CommerceSample : MonoBehaviour
    {
        [SerializeField] private string serverUrl = "http://localhost:5000/";
        [SerializeField] private string itemId = "dragons:42";
        [SerializeField] private float interestAfterSeconds = 3f;
        [SerializeField] private bool payInInstallments;
        [SerializeField] private int installments = 3;

        private CommerceClient _client;
        private IGameWallet _wallet;
        private PushSubscription _pushes;
        private OfferedItem _offered;
        private string _orderId;
        private CancellationTokenSource _lifetime;
        private string _cursorKey;
        private float _lookingFor;
        private bool _interestSent;

        private async void Start()
        {
            _lifetime = new CancellationTokenSource();
            _client = new CommerceClient(new CommerceClientOptions
            {
                BaseUrl = new Uri(serverUrl),
                // Captured on the main thread: push callbacks run here, so they may touch GameObjects.
                CallbackContext = SynchronizationContext.Current,
            });

            try
            {
                _wallet = CreateWallet();
                var session = await _client.SignInAsync(_wallet, _lifetime.Token);
                Debug.Log("Signed in as " + session.PlayerId);

                // Resume from the last push this device processed for this player.
                _cursorKey = "commerce.cursor." + session.PlayerId;
                _pushes = _client.CreatePushSubscription(long.Parse(PlayerPrefs.GetString(_cursorKey, "0")));
                _pushes.MessageReceived += OnPush;
                _pushes.OfferReceived += OnOffer;
                _pushes.OrderUpdated += OnOrderUpdated;
                _pushes.StateChanged += change => Debug.Log("Push channel: " + change.State
                    + (change.RetryIn.HasValue ? " (retry in " + change.RetryIn.Value.TotalSeconds.ToString("0.0") + " s)" : ""));
                _pushes.Start();
            }
            catch (CommerceApiException e)
            {
                Debug.LogError("Sign-in failed (" + e.Kind + "): " + e.Message);
            }
        }

        private void Update()
        {
            // Stand-in for "the item is on screen and the player is looking at it".
            if (_interestSent || _client == null || !_client.IsSignedIn)
            {
                return;
            }

            _lookingFor += Time.deltaTime;
            if (_lookingFor >= interestAfterSeconds)
            {
                _interestSent = true;
                _ = ShowInterestAsync(_lookingFor);
            }
        }

        private async Task ShowInterestAsync(float dwellSeconds)
        {
            try
            {
                var accepted = await _client.ShowInterestAsync(itemId, dwellSeconds, _lifetime.Token);
                Debug.Log("Interest recorded as event " + accepted.EventId);
            }
            catch (CommerceApiException e) when (e.Kind == CommerceErrorKind.NotFound)
            {
                Debug.LogWarning(itemId + " is not listed: " + e.Detail);
            }
            catch (CommerceApiException e)
            {
                Debug.LogError("Interest failed (" + e.Kind + "): " + e.Message);
            }
        }

        private void OnPush(PushMessage push)
        {
            // Main thread (CallbackContext): safe to update UI here.
            Debug.Log("Push #" + push.Seq + " " + push.Type + ": " + push.PayloadJson);
            PlayerPrefs.SetString(_cursorKey, push.Seq.ToString());
        }

        private void OnOffer(OfferReceived offer)
        {
            // Show the offer in the game's UI; here the player accepts the watched item at once.
            var item = offer.Find(itemId);
            if (item == null || _orderId != null)
            {
                return;
            }

            Debug.Log("Offered " + item.ItemId + " for " + item.Price + " " + item.Currency + " until " + item.ExpiresAt);
            _offered = item;
            _ = AcceptAsync(item);
        }

        /// <summary>Accept -> order: the quote is sent back unchanged (or its installments version); the SDK adds an Idempotency-Key and retries with it.</summary>
        private async Task AcceptAsync(OfferedItem item)
        {
            try
            {
                var quote = item.Quote;
                string kind;
                if (payInInstallments)
                {
                    quote = await _client.QuoteInstallmentsAsync(item.Quote, installments, _lifetime.Token);
                    kind = PaymentKinds.Installments;
                }
                else
                {
                    kind = quote.IsEth ? PaymentKinds.Eth : PaymentKinds.Stablecoin;
                }

                var placed = await _client.PlaceOrderAsync(item.ItemId, quote, kind, null, _lifetime.Token);
                _orderId = placed.OrderId;
                Debug.Log("Order " + placed.OrderId + " placed (key " + placed.IdempotencyKey + ")");
            }
            catch (CommerceApiException e)
            {
                // e.Errors names the field at fault: quote.expiry (expired), signature (altered), quote.buyer (not yours)...
                Debug.LogError("Order refused (" + e.Kind + "): " + e.Message);
            }
        }

        private void OnOrderUpdated(OrderUpdate update)
        {
            if (update.OrderId != _orderId)
            {
                return;
            }

            Debug.Log("Order " + update.Status + (update.Detail == null ? "" : ": " + update.Detail));
            if (update.Status == OrderStatuses.Reserved || update.IsInstallmentReminder)
            {
                _ = PayAsync(); // the item is held for this order, or an installment is due
            }
            else if (update.Status == OrderStatuses.Completed)
            {
                _ = ListOwnedAsync();
            }
        }

        /// <summary>Pay: the wallet signs and sends each step, in order (approve before purchase).</summary>
        private async Task PayAsync()
        {
            try
            {
                var payment = await _client.GetPaymentAsync(_orderId, _lifetime.Token);
                foreach (var step in payment.Steps)
                {
                    Debug.Log("Wallet: " + step.Description);
                    await _wallet.SendTransactionAsync(step.To, step.Data, step.Value, _lifetime.Token);
                }
            }
            catch (CommerceApiException e)
            {
                Debug.LogError("Payment steps failed (" + e.Kind + "): " + e.Message);
            }
        }

        private async Task ListOwnedAsync()
        {
            foreach (var nft in await _client.GetOwnedNftsAsync(_lifetime.Token))
            {
                Debug.Log("Owned: " + nft.ItemId + " (token " + nft.TokenId + " of " + nft.Contract + ")");
            }
        }

        private void OnDestroy()
        {
            _lifetime?.Cancel();
            _pushes?.Dispose();
            _client?.Dispose();
        }

        private static IGameWallet CreateWallet() =>
            throw new NotImplementedException("Plug in the game's wallet: SignPersonalMessageAsync calls personal_sign, SendTransactionAsync eth_sendTransaction.");
    }
}
