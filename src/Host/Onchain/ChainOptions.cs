namespace Commerce.Host.Onchain;

/// <summary>
/// The "Chain" section: whether this process runs its own dev chain (Anvil, embedded mode) and what game clients
/// are told about the chain (<c>GET /api/chain</c>). Checked at start by <see cref="Validate"/>, which names the key at fault.
/// </summary>
public sealed class ChainOptions
{
    public const string Section = "Chain";

    /// <summary>True (set by <c>commerce demo</c>): start Anvil as a child process and deploy the contracts before the host is built.</summary>
    public bool Embedded { get; set; }

    /// <summary>The Anvil binary; empty: COMMERCE_ANVIL, else $COMMERCE_CACHE_DIR/anvil, else ~/.cache/commerce/anvil.</summary>
    public string AnvilPath { get; set; } = "";

    /// <summary>Seconds between the dev chain's blocks; 0 mines each transaction as it arrives.</summary>
    public int BlockTimeSeconds { get; set; } = 1;

    /// <summary>The Checkout's installment interval (seconds between installment deadlines) when the dev chain deploys it.</summary>
    public int InstallmentIntervalSeconds { get; set; } = 20;

    /// <summary>The node URL game clients send their transactions to (<c>GET /api/chain</c>); empty: none is published. The dev chain sets it.</summary>
    public string RpcUrl { get; set; } = "";

    /// <summary>The stablecoin's decimals (the test stablecoin has 6).</summary>
    public int StablecoinDecimals { get; set; } = 6;

    /// <summary>
    /// The most blocks one <c>eth_getLogs</c> call of <c>GET /api/me/nfts</c> asks for (public nodes refuse wide ranges);
    /// each wallet's scan then goes on from where the previous one stopped, less <see cref="NftScanReorgBlocks"/>.
    /// </summary>
    public int NftScanBlocksPerCall { get; set; } = 2_000;

    /// <summary>Blocks read again at each scan, so a transfer in a block that replaced a scanned one is found.</summary>
    public int NftScanReorgBlocks { get; set; } = 64;

    public void Validate()
    {
        if (NftScanBlocksPerCall is < 1 or > 1_000_000)
            throw Bad(nameof(NftScanBlocksPerCall), "must be between 1 and 1000000");
        if (NftScanReorgBlocks is < 0 or > 10_000)
            throw Bad(nameof(NftScanReorgBlocks), "must be between 0 and 10000");
        if (BlockTimeSeconds is < 0 or > 3600)
            throw Bad(nameof(BlockTimeSeconds), "must be between 0 and 3600");
        if (InstallmentIntervalSeconds is < 1 or > 365 * 24 * 3600)
            throw Bad(nameof(InstallmentIntervalSeconds), "must be between 1 and 31536000");
        if (RpcUrl.Length > 0 && (!Uri.TryCreate(RpcUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            throw Bad(nameof(RpcUrl), $"must be empty or an absolute http(s) URL, got \"{RpcUrl}\"");
        if (StablecoinDecimals is < 0 or > 36)
            throw Bad(nameof(StablecoinDecimals), "must be between 0 and 36");
    }

    private static ArgumentException Bad(string key, string message) => new($"{Section}:{key} {message}", key);
}
