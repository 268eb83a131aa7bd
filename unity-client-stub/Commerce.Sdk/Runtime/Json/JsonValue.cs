using System;
using System.Collections.Generic;
using System.Globalization;

namespace Commerce.Sdk
{
    /// <summary>
    /// An immutable JSON value (a small DOM). Built by <see cref="JsonReader.Parse"/> or the factory
    /// methods; written back with <see cref="ToJson"/>. Numbers keep their source text so 64-bit
    /// integers and decimals survive without going through <see cref="double"/>.
    /// Property lookups are case-sensitive and tolerant: a missing property is not an error.
    /// </summary>
    public sealed class JsonValue
    {
        public static readonly JsonValue Null = new JsonValue(JsonKind.Null, null, false, null, null, null);
        public static readonly JsonValue True = new JsonValue(JsonKind.Boolean, null, true, null, null, null);
        public static readonly JsonValue False = new JsonValue(JsonKind.Boolean, null, false, null, null, null);

        private static readonly IReadOnlyList<JsonValue> NoItems = new JsonValue[0];
        private static readonly IReadOnlyList<KeyValuePair<string, JsonValue>> NoProperties = new KeyValuePair<string, JsonValue>[0];

        private readonly string? _text;
        private readonly bool _boolean;
        private readonly List<JsonValue>? _items;
        private readonly List<KeyValuePair<string, JsonValue>>? _properties;
        private readonly Dictionary<string, JsonValue>? _index;
        private readonly string? _raw;

        private JsonValue(
            JsonKind kind,
            string? text,
            bool boolean,
            List<JsonValue>? items,
            List<KeyValuePair<string, JsonValue>>? properties,
            string? raw)
        {
            Kind = kind;
            _text = text;
            _boolean = boolean;
            _items = items;
            _properties = properties;
            _raw = raw;
            if (properties != null)
            {
                _index = new Dictionary<string, JsonValue>(properties.Count, StringComparer.Ordinal);
                foreach (var property in properties)
                {
                    _index[property.Key] = property.Value; // a repeated name: the last one wins
                }
            }
        }

        public JsonKind Kind { get; }

        public bool IsNull => Kind == JsonKind.Null;

        /// <summary>Array elements in order (empty for anything but an array).</summary>
        public IReadOnlyList<JsonValue> Items => (IReadOnlyList<JsonValue>?)_items ?? NoItems;

        /// <summary>Object members in source order (empty for anything but an object).</summary>
        public IReadOnlyList<KeyValuePair<string, JsonValue>> Properties =>
            (IReadOnlyList<KeyValuePair<string, JsonValue>>?)_properties ?? NoProperties;

        // ---- factories -------------------------------------------------------------------

        public static JsonValue String(string value) =>
            new JsonValue(JsonKind.String, value ?? throw new ArgumentNullException(nameof(value)), false, null, null, null);

        public static JsonValue Boolean(bool value) => value ? True : False;

        public static JsonValue Number(long value) =>
            new JsonValue(JsonKind.Number, value.ToString(CultureInfo.InvariantCulture), false, null, null, null);

        public static JsonValue Number(decimal value) =>
            new JsonValue(JsonKind.Number, value.ToString(CultureInfo.InvariantCulture), false, null, null, null);

        public static JsonValue Number(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or Infinity.");
            }

            return new JsonValue(JsonKind.Number, JsonWriter.FormatDouble(value), false, null, null, null);
        }

        public static JsonValue Array(IEnumerable<JsonValue> items) =>
            new JsonValue(JsonKind.Array, null, false, new List<JsonValue>(items), null, null);

        public static JsonValue Object(IEnumerable<KeyValuePair<string, JsonValue>> properties) =>
            new JsonValue(JsonKind.Object, null, false, null, new List<KeyValuePair<string, JsonValue>>(properties), null);

        internal static JsonValue Parsed(JsonKind kind, string? text, bool boolean, List<JsonValue>? items,
            List<KeyValuePair<string, JsonValue>>? properties, string raw) =>
            new JsonValue(kind, text, boolean, items, properties, raw);

        // ---- scalar access -----------------------------------------------------------------

        /// <summary>The string value; throws <see cref="InvalidOperationException"/> for any other kind.</summary>
        public string GetString() => Kind == JsonKind.String ? _text! : throw WrongKind(JsonKind.String);

        public bool GetBoolean() => Kind == JsonKind.Boolean ? _boolean : throw WrongKind(JsonKind.Boolean);

        public long GetInt64()
        {
            if (TryGetInt64(out var value))
            {
                return value;
            }

            throw Kind == JsonKind.Number
                ? new FormatException("JSON number " + _text + " is not a 64-bit integer.")
                : WrongKind(JsonKind.Number);
        }

        public double GetDouble() =>
            Kind == JsonKind.Number
                ? double.Parse(_text!, NumberStyles.Float, CultureInfo.InvariantCulture)
                : throw WrongKind(JsonKind.Number);

        public decimal GetDecimal()
        {
            if (TryGetDecimal(out var value))
            {
                return value;
            }

            throw Kind == JsonKind.Number
                ? new FormatException("JSON number " + _text + " does not fit a decimal.")
                : WrongKind(JsonKind.Number);
        }

        public bool TryGetInt64(out long value)
        {
            value = 0;
            return Kind == JsonKind.Number
                && long.TryParse(_text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        public bool TryGetDouble(out double value)
        {
            value = 0;
            return Kind == JsonKind.Number
                && double.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        public bool TryGetDecimal(out decimal value)
        {
            value = 0;
            return Kind == JsonKind.Number
                && decimal.TryParse(_text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }

        // ---- object access ----------------------------------------------------------------

        /// <summary>The member named <paramref name="name"/>, when this is an object that has it.</summary>
        public bool TryGetProperty(string name, out JsonValue value)
        {
            if (_index != null && _index.TryGetValue(name, out var found))
            {
                value = found;
                return true;
            }

            value = Null;
            return false;
        }

        /// <summary>The member named <paramref name="name"/>, or <see cref="Null"/> when absent or not an object.</summary>
        public JsonValue this[string name] => TryGetProperty(name, out var value) ? value : Null;

        /// <summary>A string member, or <paramref name="fallback"/> when absent or of another kind.</summary>
        public string? GetStringOrDefault(string name, string? fallback = null) =>
            TryGetProperty(name, out var value) && value.Kind == JsonKind.String ? value._text : fallback;

        /// <summary>A numeric member, or <paramref name="fallback"/> when absent or not an integer.</summary>
        public long GetInt64OrDefault(string name, long fallback = 0) =>
            TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : fallback;

        public double GetDoubleOrDefault(string name, double fallback = 0) =>
            TryGetProperty(name, out var value) && value.TryGetDouble(out var number) ? number : fallback;

        /// <summary>A decimal member written as a JSON number or a numeric string ("12.50").</summary>
        public decimal? GetDecimalOrNull(string name)
        {
            if (!TryGetProperty(name, out var value))
            {
                return null;
            }

            if (value.TryGetDecimal(out var number))
            {
                return number;
            }

            return value.Kind == JsonKind.String
                && decimal.TryParse(value._text, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
                ? number
                : (decimal?)null;
        }

        public bool GetBooleanOrDefault(string name, bool fallback = false) =>
            TryGetProperty(name, out var value) && value.Kind == JsonKind.Boolean ? value._boolean : fallback;

        /// <summary>An ISO-8601 timestamp member, or null when absent or unparsable.</summary>
        public DateTimeOffset? GetTimestampOrNull(string name)
        {
            var text = GetStringOrDefault(name);
            return text != null
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
                ? at
                : (DateTimeOffset?)null;
        }

        /// <summary>
        /// A scalar member as text: strings as they are, numbers in their JSON form, so an id the
        /// server sends as either <c>"42"</c> or <c>42</c> reads the same.
        /// </summary>
        public string? GetScalarTextOrDefault(string name, string? fallback = null) =>
            TryGetProperty(name, out var value) && (value.Kind == JsonKind.String || value.Kind == JsonKind.Number)
                ? value._text
                : fallback;

        // ---- text -------------------------------------------------------------------------

        /// <summary>The exact source text this value was parsed from, or its canonical JSON when built in code.</summary>
        public string GetRawText() => _raw ?? ToJson();

        /// <summary>Compact JSON for this value.</summary>
        public string ToJson()
        {
            var writer = new JsonWriter();
            writer.WriteValue(this);
            return writer.ToString();
        }

        public override string ToString() => GetRawText();

        internal string? NumberText => Kind == JsonKind.Number ? _text : null;

        private InvalidOperationException WrongKind(JsonKind expected) =>
            new InvalidOperationException("Expected a JSON " + expected + " but found " + Kind + ".");
    }
}
