using Commerce.Chain.Crypto;
using Commerce.Payments.Following;

namespace Commerce.Payments.Deposits;

/// <summary>
/// The deposit watcher, bound from the "Deposits" section and validated at start (<see cref="ChainWatcherOptions.Validate"/>
/// names the key at fault). Unset keys follow the executor: the custody address is the hot wallet's
/// (Execution:HotWallet:PrivateKey), the node is Execution:RpcUrl, and the watcher runs where the executor runs
/// (AddDepositWatcher). Poll interval 1 s by default.
/// </summary>
public sealed class DepositWatcherOptions : ChainWatcherOptions
{
    public const string Section = "Deposits";

    public DepositWatcherOptions() => PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>The custody address players top up by sending plain ETH to (the executor's hot wallet).</summary>
    public string CustodyAddress { get; set; } = "";

    /// <summary>
    /// The key the watcher marks its observations with (base64, >= 32 bytes; <see cref="Events.Custody.DepositMac"/>). Unset:
    /// Custody:DepositKey, the custodial accounts' copy. Without one nothing the watcher reports is credited.
    /// </summary>
    public string MarkKey { get; set; } = "";

    /// <summary>Blocks read (with their transactions) per pass.</summary>
    public int MaxBlocksPerPass { get; set; } = 100;

    public EthAddress Custody => EthAddress.Parse(CustodyAddress, $"{Section}:{nameof(CustodyAddress)}");

    public override EthAddress FollowedAddress => Custody;

    protected override string SectionName => Section;

    protected override void ValidateAddress()
    {
        if (string.IsNullOrWhiteSpace(CustodyAddress) || !EthAddress.TryParse(CustodyAddress, out _))
            throw Bad(nameof(CustodyAddress), $"must be the custody address (0x + 40 hex digits; by default the executor's hot wallet), got \"{CustodyAddress}\"");
    }

    protected override void ValidateRange()
    {
        if (Enabled && Events.Marks.FieldMac.DecodeKey(MarkKey) is null)
            throw Bad(nameof(MarkKey), "must be base64 of at least 32 bytes (by default Custody:DepositKey): unmarked deposits are never credited");
        if (MaxBlocksPerPass is < 1 or > 10_000)
            throw Bad(nameof(MaxBlocksPerPass), "must be between 1 and 10000");
    }
}
