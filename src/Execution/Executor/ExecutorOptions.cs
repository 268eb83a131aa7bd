using System.Globalization;
using System.Numerics;

namespace Commerce.Execution.Executor;

/// <summary>
/// How the transaction executor runs. Bound from the "Execution" configuration section and
/// validated at start (<see cref="Validate"/> names the key at fault). The hot wallet key itself
/// is in <see cref="Keys.HotWalletOptions"/>, never here.
/// </summary>
public sealed class ExecutorOptions
{
    public const string Section = "Execution";

    /// <summary>Whether this instance runs the executor at all.</summary>
    public bool Enabled { get; set; }

    /// <summary>The node's JSON-RPC endpoint (http or https).</summary>
    public string RpcUrl { get; set; } = "http://127.0.0.1:8545/";

    /// <summary>The chain every transaction is signed for; checked against eth_chainId at start.</summary>
    public ulong ChainId { get; set; } = 31337;

    /// <summary>Blocks on top of (and including) the one holding a transaction before it is confirmed.</summary>
    public int ConfirmationDepth { get; set; } = 3;

    /// <summary>Transactions per sender accepted but not yet mined; past it the command partitions wait (and pause).</summary>
    public int MaxInFlightPerSender { get; set; } = 512;

    /// <summary>maxFeePerGas a command may reach when it names no ceiling of its own (wei).</summary>
    public string DefaultFeeCeilingWei { get; set; } = "200000000000";

    /// <summary>maxFeePerGas a cancelling no-op may reach (wei): it costs 21,000 gas, so it can outbid a stuck command.</summary>
    public string CancelFeeCeilingWei { get; set; } = "500000000000";

    /// <summary>The smallest priority fee offered (wei).</summary>
    public string MinPriorityFeeWei { get; set; } = "1000000000";

    /// <summary>Per cent added to both fees when a stuck transaction is replaced (at least 10, what nodes require).</summary>
    public int FeeBumpPercent { get; set; } = 13;

    /// <summary>An attempt not mined after this long is replaced with higher fees (or cancelled at the ceiling).</summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the tracker looks at the chain when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the tracker rereads every open command from the store (to see changes made elsewhere, such as an operator's cancel).</summary>
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a fee quote from eth_feeHistory is reused.</summary>
    public TimeSpan FeeRefresh { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Blocks of eth_feeHistory the priority fee is taken from (their median 50th percentile).</summary>
    public int FeeHistoryBlocks { get; set; } = 10;

    /// <summary>Most commands signed and committed together (each chunk also waits for in-flight room).</summary>
    public int MaxChunk { get; set; } = 256;

    /// <summary>
    /// While the tracker sends a burst (MaxChunk or more transactions within one PollInterval), it
    /// postpones, for at most this long, what can wait: reading receipts (which confirming needs and
    /// which cost the node most) and the periodic reread of every open command. The node's time goes
    /// to taking transactions first. Zero: never postpone.
    /// </summary>
    public TimeSpan BurstDeferral { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// What the executor may sign: the requesters it knows (each with its HMAC key) and, per command kind, the contracts,
    /// selectors and value cap allowed (docs/SECURITY.md). Empty: every command is refused.
    /// </summary>
    public Policy.CommandPolicyOptions Policy { get; set; } = new();

    public BigInteger DefaultFeeCeiling => Wei(DefaultFeeCeilingWei, nameof(DefaultFeeCeilingWei));

    public BigInteger CancelFeeCeiling => Wei(CancelFeeCeilingWei, nameof(CancelFeeCeilingWei));

    public BigInteger MinPriorityFee => Wei(MinPriorityFeeWei, nameof(MinPriorityFeeWei));

    /// <summary>Throws an ArgumentException naming the first bad key.</summary>
    public void Validate()
    {
        if (!Uri.TryCreate(RpcUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw Bad(nameof(RpcUrl), "must be an absolute http(s) URL");
        if (ChainId == 0)
            throw Bad(nameof(ChainId), "must be positive");
        if (ConfirmationDepth is < 1 or > 1000)
            throw Bad(nameof(ConfirmationDepth), "must be between 1 and 1000");
        if (MaxInFlightPerSender is < 1 or > 100_000)
            throw Bad(nameof(MaxInFlightPerSender), "must be between 1 and 100000");
        if (MaxChunk is < 1 or > 10_000)
            throw Bad(nameof(MaxChunk), "must be between 1 and 10000");
        if (FeeBumpPercent is < 10 or > 1000)
            throw Bad(nameof(FeeBumpPercent), "must be between 10 and 1000 (nodes refuse replacements below +10%)");
        if (StuckAfter <= TimeSpan.Zero)
            throw Bad(nameof(StuckAfter), "must be positive");
        if (PollInterval <= TimeSpan.Zero)
            throw Bad(nameof(PollInterval), "must be positive");
        if (BurstDeferral < TimeSpan.Zero || BurstDeferral > TimeSpan.FromMinutes(10))
            throw Bad(nameof(BurstDeferral), "must be between 0 and 10 minutes");
        if (FeeHistoryBlocks is < 1 or > 1024)
            throw Bad(nameof(FeeHistoryBlocks), "must be between 1 and 1024");
        if (DefaultFeeCeiling.IsZero)
            throw Bad(nameof(DefaultFeeCeilingWei), "must be positive");
        if (CancelFeeCeiling.IsZero)
            throw Bad(nameof(CancelFeeCeilingWei), "must be positive");
        _ = MinPriorityFee;
        _ = new Policy.CommandPolicy(Policy, $"{Section}:{nameof(Policy)}");
    }

    private static BigInteger Wei(string text, string key) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Bad(key, $"must be a whole number of wei, got \"{text}\"");

    private static ArgumentException Bad(string key, string message) => new($"{Section}:{key} {message}", key);
}
