using System.ComponentModel.DataAnnotations;

namespace Commerce.Marketing.Campaigns;

/// <summary>How campaigns batch their mints (section "Marketing").</summary>
public sealed class CampaignOptions
{
    public const string Section = "Marketing";

    /// <summary>Mints per mintBatch transaction at most.</summary>
    [Range(1, 500)]
    public int MaxBatch { get; set; } = 100;

    /// <summary>How long claimed wallets wait for more to fill a batch before it is sent.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Gas limit of a mintBatch transaction: this, plus <see cref="PerMintGas"/> per token (measured on Anvil: docs/BENCHMARKS.md).</summary>
    [Range(21_000, 1_000_000)]
    public long BatchBaseGas { get; set; } = 60_000;

    [Range(30_000, 1_000_000)]
    public long PerMintGas { get; set; } = 60_000;

    /// <summary>
    /// The key (base64, at least 32 bytes) the campaign grains mark their mint commands with (requester "marketing"); the
    /// executor signs nothing unmarked. Required outside the demo for airdrops to be minted.
    /// </summary>
    public string CommandKey { get; set; } = "";

    /// <summary>A batch with no word from the executor after this long is asked for again (the same command id: sent at most once).</summary>
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(60);
}
