using System;
using System.Threading;
using System.Threading.Tasks;
using UnityEngine;

namespace Commerce.Sdk.Samples
{
    /// <summary>
    /// Drop on a GameObject. Signs in with the game's wallet, reports interest when the player
    /// has looked at an item for a while, and logs pushes on the main thread. Replace
    /// <see cref="CreateWallet"/> with your wallet integration (WalletConnect, a custodial wallet...).
    /// </summary>
    public sealed class CommerceSample : MonoBehaviour
    {
        [SerializeField] private string serverUrl = "http://localhost:5000/";
        [SerializeField] private string itemId = "dragons:42";
        [SerializeField] private float interestAfterSeconds = 3f;

        private CommerceClient _client;
        private PushSubscription _pushes;
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
                var session = await _client.SignInAsync(CreateWallet(), _lifetime.Token);
                Debug.Log("Signed in as " + session.PlayerId);

                // Resume from the last push this device processed for this player.
                _cursorKey = "commerce.cursor." + session.PlayerId;
                _pushes = _client.CreatePushSubscription(long.Parse(PlayerPrefs.GetString(_cursorKey, "0")));
                _pushes.MessageReceived += OnPush;
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

        private void OnDestroy()
        {
            _lifetime?.Cancel();
            _pushes?.Dispose();
            _client?.Dispose();
        }

        private static IWalletSigner CreateWallet() =>
            throw new NotImplementedException("Plug in the game's wallet: an IWalletSigner whose SignPersonalMessageAsync calls personal_sign.");
    }
}
