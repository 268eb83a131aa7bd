using Commerce.Chain.Crypto;

namespace Commerce.Payments.Options;

/// <summary>
/// The Checkout watcher, bound from the "Payments" section and validated at start
/// (<see cref="Validate"/> names the key at fault). Off unless a Checkout is configured.
/// </summary>
public sealed class CheckoutWatcherOptions
{
    public const string Section = "Payments";

    /// <summary>Whether this instance follows the Checkout at all (false by default: no Checkout is deployed for the embedded setup).</summary>
    public bool Enabled { get; set; }

    /// <summary>The Checkout contract's address (0x + 40 hex).</summary>
    public string CheckoutAddress { get; set; } = "";

    /// <summary>The node's JSON-RPC endpoint (http or https).</summary>
    public string RpcUrl { get; set; } = "http://127.0.0.1:8545/";

    /// <summary>How deep a log's block must be to be confirmed; the block itself counts as 1 (1 = confirmed when mined).</summary>
    public int Confirmations { get; set; } = 2;

    /// <summary>How often the node is asked for new blocks when the watcher is caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first block to scan when there is no stored cursor yet (the Checkout's deployment block).</summary>
    public ulong StartBlock { get; set; }

    /// <summary>The most blocks one eth_getLogs asks for.</summary>
    public int MaxBlockRange { get; set; } = 1000;

    /// <summary>Block hashes kept beyond the confirmation depth to find a fork point.</summary>
    public int ReorgWindow { get; set; } = 128;

    public EthAddress Address => EthAddress.Parse(CheckoutAddress, $"{Section}:{nameof(CheckoutAddress)}");

    /// <summary>Throws <see cref="ArgumentException"/> naming the key at fault; nothing is checked when disabled.</summary>
    public void Validate()
    {
        if (!Enabled)
            return;
        if (string.IsNullOrWhiteSpace(CheckoutAddress) || !EthAddress.TryParse(CheckoutAddress, out _))
            throw Bad(nameof(CheckoutAddress), $"must be the Checkout contract's address (0x + 40 hex digits), got \"{CheckoutAddress}\"");
        if (!Uri.TryCreate(RpcUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw Bad(nameof(RpcUrl), $"must be an absolute http(s) URL, got \"{RpcUrl}\"");
        if (Confirmations is < 1 or > 1000)
            throw Bad(nameof(Confirmations), "must be between 1 and 1000");
        if (PollInterval <= TimeSpan.Zero)
            throw Bad(nameof(PollInterval), "must be positive");
        if (MaxBlockRange is < 1 or > 100_000)
            throw Bad(nameof(MaxBlockRange), "must be between 1 and 100000");
        if (ReorgWindow is < 1 or > 100_000)
            throw Bad(nameof(ReorgWindow), "must be between 1 and 100000");
    }

    private static ArgumentException Bad(string key, string message) => new($"{Section}:{key} {message}", key);
}
