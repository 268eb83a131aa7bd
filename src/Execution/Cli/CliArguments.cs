using System.Globalization;
using System.Numerics;

namespace Commerce.Execution.Cli;

/// <summary>"--name value" options and bare words, read strictly: an unknown or missing option is an error naming it.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CliArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                Words.Add(list[i]);
                continue;
            }
            if (i + 1 >= list.Count)
                throw new CliException(list[i], "needs a value");
            if (!_options.TryAdd(list[i], list[i + 1]))
                throw new CliException(list[i], "is given twice");
            i++;
        }
    }

    public List<string> Words { get; } = [];

    public string? Optional(string name)
    {
        _used.Add(name);
        return _options.GetValueOrDefault(name);
    }

    public string Required(string name) => Optional(name) ?? throw new CliException(name, "is required");

    public ulong UInt64(string name, ulong? fallback = null)
    {
        var text = Optional(name);
        if (text is null)
            return fallback ?? throw new CliException(name, "is required");
        return TryInteger(text, out var value) && value >= 0 && value <= ulong.MaxValue
            ? (ulong)value
            : throw new CliException(name, $"\"{text}\" is not a whole number (decimal or 0x hex)");
    }

    public BigInteger Wei(string name, BigInteger? fallback = null)
    {
        var text = Optional(name);
        if (text is null)
            return fallback ?? throw new CliException(name, "is required");
        return TryInteger(text, out var value) && value >= 0
            ? value
            : throw new CliException(name, $"\"{text}\" is not a whole number of wei (decimal or 0x hex)");
    }

    /// <summary>Fails on options the verb did not read (a typo must not be silently ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.FirstOrDefault(k => !_used.Contains(k));
        if (unknown is not null)
            throw new CliException(unknown, "is not an option of this command");
    }

    private static bool TryInteger(string text, out BigInteger value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            value = 0;
            var hex = text[2..];
            return hex.Length > 0 && BigInteger.TryParse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        return BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
