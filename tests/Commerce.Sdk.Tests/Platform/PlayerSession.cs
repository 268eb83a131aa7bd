using Commerce.Sdk.Tests.Support;

namespace Commerce.Sdk.Tests.Platform;

/// <summary>A player of the real platform through the SDK: its own wallet, signed in, with a push subscription whose typed events are logged.</summary>
public sealed class PlayerSession : IAsyncDisposable
{
    private PlayerSession(CommerceClient client, KeyWalletSigner wallet, PushSubscription pushes)
    {
        Client = client;
        Wallet = wallet;
        Pushes = pushes;
        pushes.MessageReceived += Messages.Add;
        pushes.OfferReceived += Offers.Add;
        pushes.OrderUpdated += OrderUpdates.Add;
        pushes.StateChanged += States.Add;
        pushes.Error += Errors.Add;
    }

    public CommerceClient Client { get; }

    public KeyWalletSigner Wallet { get; }

    public PushSubscription Pushes { get; }

    public SignalLog<PushMessage> Messages { get; } = new();

    public SignalLog<OfferReceived> Offers { get; } = new();

    public SignalLog<OrderUpdate> OrderUpdates { get; } = new();

    public SignalLog<PushStateChange> States { get; } = new();

    public SignalLog<Exception> Errors { get; } = new();

    public static async Task<PlayerSession> StartAsync(HostFixture platform, IHttpTransport? http = null, Uri? baseUrl = null)
    {
        var client = platform.NewClient(http, null, baseUrl);
        var wallet = new KeyWalletSigner();
        await client.SignInAsync(wallet);
        var session = new PlayerSession(client, wallet, client.CreatePushSubscription());
        session.Pushes.Start();
        return session;
    }

    /// <summary>Shows interest in <paramref name="itemId"/> and returns it as offered (an item of the first offer holding it).</summary>
    public async Task<OfferedItem> OfferedAsync(string itemId)
    {
        await Client.ShowInterestAsync(itemId, 20);
        var offers = await Offers.WaitForAsync(o => o.Any(offer => offer.Find(itemId) is not null), $"an OfferMade push holding {itemId}",
            TimeSpan.FromSeconds(60), seen => string.Join("; ", seen.Select(o => string.Join(",", o.Items.Select(i => i.ItemId)))));
        return offers.Select(o => o.Find(itemId)).First(i => i is not null)!;
    }

    /// <summary>Waits for an OrderUpdated push of <paramref name="orderId"/> with <paramref name="status"/>.</summary>
    public Task WaitForStatusAsync(string orderId, string status) =>
        OrderUpdates.WaitForAsync(u => u.Any(x => x.OrderId == orderId && x.Status == status), $"order {orderId} to be pushed {status}",
            TimeSpan.FromSeconds(60), seen => string.Join(", ", seen.Select(x => x.ToString())));

    public IReadOnlyList<string> StatusesOf(string orderId) =>
        [.. OrderUpdates.Snapshot().Where(u => u.OrderId == orderId).Select(u => u.Status)];

    public async ValueTask DisposeAsync()
    {
        await Pushes.StopAsync();
        Client.Dispose();
    }
}
