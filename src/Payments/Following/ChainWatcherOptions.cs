using Commerce.Chain.Crypto;

namespace Commerce.Payments.Following;

/// <summary>
/// What every chain watcher's options have: bound from the watcher's own section and validated at start
/// (<see cref="Validate"/> names the key at fault, as "Section:Key"). A watcher adds the address it follows and
/// how many blocks one read covers, and checks them in <see cref="ValidateAddress"/> and <see cref="ValidateRange"/>.
/// </summary>
public abstract class ChainWatcherOptions
{
    /// <summary>Whether this instance runs the watcher.</summary>
    public bool Enabled { get; set; }

    /// <summary>The node's JSON-RPC endpoint (http or https).</summary>
    public string RpcUrl { get; set; } = "http://127.0.0.1:8545/";

    /// <summary>How deep an observation's block must be to be confirmed; the block itself counts as 1 (1 = confirmed when mined).</summary>
    public int Confirmations { get; set; } = 2;

    /// <summary>How often the node is asked for new blocks when the watcher is caught up.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The first block scanned when nothing is stored yet.</summary>
    public ulong StartBlock { get; set; }

    /// <summary>Block hashes kept beyond the confirmation depth to find a fork point.</summary>
    public int ReorgWindow { get; set; } = 128;

    /// <summary>The address the watcher follows (its state row's key); throws naming the key when it is not an address.</summary>
    public abstract EthAddress FollowedAddress { get; }

    /// <summary>The configuration section these options are bound from (the prefix of every error).</summary>
    protected abstract string SectionName { get; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the key at fault; nothing is checked when disabled.</summary>
    public void Validate()
    {
        if (!Enabled)
            return;
        ValidateAddress();
        if (!Uri.TryCreate(RpcUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw Bad(nameof(RpcUrl), $"must be an absolute http(s) URL, got \"{RpcUrl}\"");
        if (Confirmations is < 1 or > 1000)
            throw Bad(nameof(Confirmations), "must be between 1 and 1000");
        if (PollInterval <= TimeSpan.Zero)
            throw Bad(nameof(PollInterval), "must be positive");
        ValidateRange();
        if (ReorgWindow is < 1 or > 100_000)
            throw Bad(nameof(ReorgWindow), "must be between 1 and 100000");
    }

    /// <summary>Checks the followed address (the first key checked).</summary>
    protected abstract void ValidateAddress();

    /// <summary>Checks the range key (after PollInterval, before ReorgWindow).</summary>
    protected abstract void ValidateRange();

    protected ArgumentException Bad(string key, string message) => new($"{SectionName}:{key} {message}", key);
}
