using Commerce.Chain.Crypto;

namespace Commerce.Payments.Deposits;

/// <summary>
/// The deposit watcher, bound from the "Deposits" section and validated at start (<see cref="Validate"/> names the
/// key at fault). Unset keys follow the executor: the custody address is the hot wallet's
/// (Execution:HotWallet:PrivateKey), the node is Execution:RpcUrl, and the watcher runs where the executor runs.
/// </summary>
public sealed class DepositWatcherOptions
{
    public const string Section = "Deposits";

    /// <summary>Whether this instance follows the custody address (default: where Execution:Enabled is true and a custody address is known).</summary>
    public bool Enabled { get; set; }

    /// <summary>The custody address players top up by sending plain ETH to (the executor's hot wallet).</summary>
    public string CustodyAddress { get; set; } = "";

    /// <summary>The node's JSON-RPC endpoint (http or https).</summary>
    public string RpcUrl { get; set; } = "http://127.0.0.1:8545/";

    /// <summary>How deep a deposit's block must be before it is credited; the block itself counts as 1.</summary>
    public int Confirmations { get; set; } = 2;

    /// <summary>How often the node is asked for new blocks when the watcher is caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first block scanned when nothing is stored yet.</summary>
    public ulong StartBlock { get; set; }

    /// <summary>Blocks read (with their transactions) per pass.</summary>
    public int MaxBlocksPerPass { get; set; } = 100;

    /// <summary>Block hashes kept beyond the confirmation depth to find a fork point.</summary>
    public int ReorgWindow { get; set; } = 128;

    public EthAddress Custody => EthAddress.Parse(CustodyAddress, $"{Section}:{nameof(CustodyAddress)}");

    /// <summary>Throws <see cref="ArgumentException"/> naming the key at fault; nothing is checked when disabled.</summary>
    public void Validate()
    {
        if (!Enabled)
            return;
        if (string.IsNullOrWhiteSpace(CustodyAddress) || !EthAddress.TryParse(CustodyAddress, out _))
            throw Bad(nameof(CustodyAddress), $"must be the custody address (0x + 40 hex digits; by default the executor's hot wallet), got \"{CustodyAddress}\"");
        if (!Uri.TryCreate(RpcUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw Bad(nameof(RpcUrl), $"must be an absolute http(s) URL, got \"{RpcUrl}\"");
        if (Confirmations is < 1 or > 1000)
            throw Bad(nameof(Confirmations), "must be between 1 and 1000");
        if (PollInterval <= TimeSpan.Zero)
            throw Bad(nameof(PollInterval), "must be positive");
        if (MaxBlocksPerPass is < 1 or > 10_000)
            throw Bad(nameof(MaxBlocksPerPass), "must be between 1 and 10000");
        if (ReorgWindow is < 1 or > 100_000)
            throw Bad(nameof(ReorgWindow), "must be between 1 and 100000");
    }

    private static ArgumentException Bad(string key, string message) => new($"{Section}:{key} {message}", key);
}
