using System.Globalization;
using System.Numerics;
using Commerce.Chain.Crypto;
using Commerce.Events.Chain;
using Commerce.Events.Marks;

namespace Commerce.Execution.Policy;

/// <summary>
/// Decides whether the executor may sign a command: the requester is known and its HMAC covers the command
/// (<see cref="ChainCommandMac"/>), the requester may ask for the kind, the kind may call that address with that
/// selector, and the value is within the kind's cap. Built once from <see cref="CommandPolicyOptions"/>, which it
/// validates (an <see cref="ArgumentException"/> names the key at fault).
/// </summary>
public sealed class CommandPolicy
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly Dictionary<string, Rule> _rules;

    public CommandPolicy(CommandPolicyOptions options, string section = "Execution:Policy")
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, text) in options.Requesters)
            _keys[name] = DecodeKey(text, $"{section}:Requesters:{name}");
        _rules = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var (kind, rule) in options.Kinds)
            _rules[kind] = Compile(rule, $"{section}:Kinds:{kind}");
    }

    /// <summary>The names of the known requesters (never their keys).</summary>
    public IReadOnlyCollection<string> Requesters => _keys.Keys;

    /// <summary>
    /// The requester whose HMAC covers the command, or null (no requester, an unknown one, or a mark that does not match):
    /// the executor marks its word on a command only for the requester it verified.
    /// </summary>
    public string? VerifiedRequester(ChainCommandRequested command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return !string.IsNullOrEmpty(command.Requester) && _keys.TryGetValue(command.Requester, out var key) && ChainCommandMac.Verify(command, key)
            ? command.Requester
            : null;
    }

    /// <summary>The key of a known requester (the executor marks that requester's lifecycle events with it), or null.</summary>
    internal byte[]? KeyOf(string requester) => _keys.GetValueOrDefault(requester);

    /// <summary>Why the command may not be signed ("requester: ...", "to: ..."), or null when it may.</summary>
    public string? Refusal(ChainCommandRequested command, EthAddress to, BigInteger value, ReadOnlySpan<byte> data)
    {
        if (string.IsNullOrEmpty(command.Requester))
            return "requester: is required (the component that asks, with its HMAC)";
        if (!_keys.TryGetValue(command.Requester, out var key))
            return $"requester: \"{Shorten(command.Requester)}\" is not a requester this executor knows";
        if (!ChainCommandMac.Verify(command, key))
            return $"requesterMac: does not match the command under {command.Requester}'s key (forged or altered)";
        if (!_rules.TryGetValue(command.Kind, out var rule))
            return $"kind: \"{Shorten(command.Kind)}\" is not a kind this executor signs";
        if (!rule.Requesters.Contains(command.Requester))
            return $"requester: {command.Requester} may not ask for {command.Kind}";
        if (!rule.AnyAddress && !rule.Contracts.Contains(to))
            return $"to: {to} is not a contract {command.Kind} may call";
        var selector = data.Length == 0 ? KindRule.NoData : data.Length >= 4 ? "0x" + Convert.ToHexStringLower(data[..4]) : "0x" + Convert.ToHexStringLower(data);
        if (!rule.Selectors.Contains(selector))
            return $"data: selector {selector} is not one {command.Kind} may call";
        if (value > rule.MaxValue)
            return $"valueWei: {value} is above the {rule.MaxValue} wei {command.Kind} may send";
        return null;
    }

    private static Rule Compile(KindRule rule, string key)
    {
        if (rule.Requesters.Count == 0)
            throw new ArgumentException($"{key}:Requesters must name at least one requester", key);
        var contracts = new HashSet<EthAddress>();
        for (var i = 0; i < rule.Contracts.Count; i++)
        {
            if (!EthAddress.TryParse(rule.Contracts[i], out var address))
                throw new ArgumentException($"{key}:Contracts:{i} is not a 0x address of 20 bytes", key);
            contracts.Add(address);
        }
        if (contracts.Count == 0 && !rule.AnyAddress)
            throw new ArgumentException($"{key}:Contracts must name at least one address (or AnyAddress for plain payouts)", key);
        var selectors = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rule.Selectors.Count; i++)
        {
            var selector = rule.Selectors[i].Trim().ToLowerInvariant();
            if (selector != KindRule.NoData && (selector.Length != 10 || !selector.StartsWith("0x", StringComparison.Ordinal)
                || !selector[2..].All(char.IsAsciiHexDigit)))
                throw new ArgumentException($"{key}:Selectors:{i} must be 0x and 4 bytes of hex, or \"{KindRule.NoData}\"", key);
            selectors.Add(selector);
        }
        if (selectors.Count == 0)
            throw new ArgumentException($"{key}:Selectors must name at least one selector (or \"{KindRule.NoData}\")", key);
        if (rule.AnyAddress && (selectors.Count != 1 || !selectors.Contains(KindRule.NoData)))
            throw new ArgumentException($"{key}:AnyAddress allows plain transfers only: Selectors must be [\"{KindRule.NoData}\"]", key);
        if (!BigInteger.TryParse(rule.MaxValueWei, NumberStyles.None, CultureInfo.InvariantCulture, out var max))
            throw new ArgumentException($"{key}:MaxValueWei must be a whole number of wei", key);
        return new Rule(rule.Requesters.ToHashSet(StringComparer.Ordinal), contracts, rule.AnyAddress, selectors, max);
    }

    private static byte[] DecodeKey(string text, string key) =>
        FieldMac.DecodeKey(text) ?? throw new ArgumentException($"{key} must be base64 of at least {FieldMac.MinKeyBytes} bytes", key);

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";

    private sealed record Rule(HashSet<string> Requesters, HashSet<EthAddress> Contracts, bool AnyAddress, HashSet<string> Selectors, BigInteger MaxValue);
}
