using System.Globalization;
using System.Text.Json;
using Commerce.Pricing.Amounts;

namespace Commerce.Pricing.Policy;

/// <summary>Reads one JSON object of a policy, recording every problem with the path of the field at fault.</summary>
internal sealed class JsonSection
{
    private readonly JsonElement _element;
    private readonly List<PolicyError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private JsonSection(JsonElement element, string path, List<PolicyError> errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    public string Path { get; }

    public static JsonSection? Root(JsonElement element, List<PolicyError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new PolicyError("$", "must be a JSON object"));
            return null;
        }

        return new JsonSection(element, "$", errors);
    }

    public IEnumerable<string> PropertyNames() => _element.EnumerateObject().Select(p => p.Name);

    public JsonSection? Section(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(name, "must be a JSON object");
            return null;
        }

        return new JsonSection(value, Combine(name), _errors);
    }

    public string String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return string.Empty;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, "must be a string");
            return string.Empty;
        }

        return value.GetString() ?? string.Empty;
    }

    public int Int(string name)
    {
        var number = Number(name);
        if (number is null)
        {
            return 0;
        }

        if (number != decimal.Truncate(number.Value) || number < int.MinValue || number > int.MaxValue)
        {
            Error(name, "must be a whole number");
            return 0;
        }

        return (int)number.Value;
    }

    public decimal Decimal(string name) => Number(name) ?? 0m;

    /// <summary>A fraction ("0.05") as ppm.</summary>
    public int Fraction(string name)
    {
        var number = Number(name);
        if (number is null)
        {
            return 0;
        }

        if (!Ppm.TryParseFraction(number.Value, out var ppm))
        {
            Error(name, "must be a fraction with at most 6 decimals");
            return 0;
        }

        return ppm;
    }

    /// <summary>A duration written as "hh:mm:ss" or "d.hh:mm:ss".</summary>
    public TimeSpan Duration(string name)
    {
        var text = String(name);
        if (text.Length == 0)
        {
            return TimeSpan.Zero;
        }

        if (!TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out var duration))
        {
            Error(name, $"'{text}' is not a duration (write hh:mm:ss or d.hh:mm:ss)");
            return TimeSpan.Zero;
        }

        return duration;
    }

    /// <summary>An amount in whole units of <paramref name="currency"/>, as a string or a number ("0.05"), into base units.</summary>
    public Int128 Amount(string name, Currency? currency)
    {
        if (!TryGet(name, out var value))
        {
            return 0;
        }

        string text;
        if (value.ValueKind == JsonValueKind.String)
        {
            text = value.GetString() ?? string.Empty;
        }
        else if (value.ValueKind == JsonValueKind.Number)
        {
            text = value.GetRawText();
        }
        else
        {
            Error(name, "must be an amount such as \"0.05\"");
            return 0;
        }

        if (currency is null)
        {
            return 0;
        }

        if (!currency.TryParse(text, out var units, out var error))
        {
            Error(name, $"'{text}' {error}");
            return 0;
        }

        return units;
    }

    /// <summary>Reports every property that was not read: a typo is an error, not a silent default.</summary>
    public void RejectUnknown()
    {
        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                _errors.Add(new PolicyError(Combine(property.Name), "is not a known field"));
            }
        }
    }

    public void Error(string name, string message) => _errors.Add(new PolicyError(Combine(name), message));

    private decimal? Number(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Error(name, "must be a number");
            return null;
        }

        return number;
    }

    private bool TryGet(string name, out JsonElement value)
    {
        _read.Add(name);
        if (_element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        Error(name, "is required");
        return false;
    }

    private string Combine(string name) => Path == "$" ? name : $"{Path}.{name}";
}
