namespace Commerce.Execution.Policy;

/// <summary>
/// What one command kind may ask (bound from <c>Execution:Policy:Kinds:&lt;kind&gt;</c>): which requesters may ask for it,
/// which contracts it may call with which function selectors, and how much wei it may send.
/// </summary>
public sealed class KindRule
{
    /// <summary>Names of the requesters (keys of <c>Execution:Policy:Requesters</c>) that may ask for this kind.</summary>
    public List<string> Requesters { get; set; } = [];

    /// <summary>The addresses this kind may send to (0x, 20 bytes).</summary>
    public List<string> Contracts { get; set; } = [];

    /// <summary>
    /// Any address at all (plain payouts to players, tests): only with no selector but <see cref="NoData"/>, so such a
    /// kind can pay, never call a contract.
    /// </summary>
    public bool AnyAddress { get; set; }

    /// <summary>The function selectors (0x + 4 bytes) the call data may start with; <see cref="NoData"/> for a plain transfer.</summary>
    public List<string> Selectors { get; set; } = [];

    /// <summary>The most wei one command of this kind may send (decimal); "0" by default.</summary>
    public string MaxValueWei { get; set; } = "0";

    /// <summary>The selector entry for empty call data (a plain transfer).</summary>
    public const string NoData = "none";
}
