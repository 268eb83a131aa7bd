using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Commerce.Sdk
{
    /// <summary>
    /// Writes compact JSON by hand. Tracks nesting so misuse (a value where a property name is
    /// due, an unclosed object) fails with <see cref="InvalidOperationException"/> instead of
    /// producing broken JSON. Non-ASCII text is written as is; control characters, quotes,
    /// backslashes, U+2028/U+2029 and lone surrogates are escaped.
    /// </summary>
    public sealed class JsonWriter
    {
        private readonly StringBuilder _out = new StringBuilder();
        private readonly Stack<Scope> _scopes = new Stack<Scope>();
        private bool _rootWritten;

        private enum ScopeKind
        {
            Object,
            Array,
        }

        public JsonWriter WriteStartObject()
        {
            BeforeValue();
            _out.Append('{');
            _scopes.Push(new Scope(ScopeKind.Object));
            return this;
        }

        public JsonWriter WriteEndObject()
        {
            var scope = Close(ScopeKind.Object);
            if (scope.NameWritten)
            {
                throw new InvalidOperationException("Property name written without a value before closing the object.");
            }

            _out.Append('}');
            return this;
        }

        public JsonWriter WriteStartArray()
        {
            BeforeValue();
            _out.Append('[');
            _scopes.Push(new Scope(ScopeKind.Array));
            return this;
        }

        public JsonWriter WriteEndArray()
        {
            Close(ScopeKind.Array);
            _out.Append(']');
            return this;
        }

        public JsonWriter WritePropertyName(string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (_scopes.Count == 0 || _scopes.Peek().Kind != ScopeKind.Object)
            {
                throw new InvalidOperationException("A property name can only be written inside an object.");
            }

            var scope = _scopes.Peek();
            if (scope.NameWritten)
            {
                throw new InvalidOperationException("Property \"" + name + "\" follows a property name that has no value.");
            }

            if (scope.Count > 0)
            {
                _out.Append(',');
            }

            WriteQuoted(name);
            _out.Append(':');
            scope.NameWritten = true;
            return this;
        }

        public JsonWriter WriteString(string? value)
        {
            if (value == null)
            {
                return WriteNull();
            }

            BeforeValue();
            WriteQuoted(value);
            return this;
        }

        public JsonWriter WriteNumber(long value)
        {
            BeforeValue();
            _out.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        public JsonWriter WriteNumber(decimal value)
        {
            BeforeValue();
            _out.Append(value.ToString(CultureInfo.InvariantCulture));
            return this;
        }

        /// <exception cref="ArgumentOutOfRangeException">NaN or an infinity (JSON cannot carry them).</exception>
        public JsonWriter WriteNumber(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no NaN or Infinity.");
            }

            BeforeValue();
            _out.Append(FormatDouble(value));
            return this;
        }

        public JsonWriter WriteBoolean(bool value)
        {
            BeforeValue();
            _out.Append(value ? "true" : "false");
            return this;
        }

        public JsonWriter WriteNull()
        {
            BeforeValue();
            _out.Append("null");
            return this;
        }

        public JsonWriter WriteValue(JsonValue value)
        {
            switch (value.Kind)
            {
                case JsonKind.Null:
                    return WriteNull();
                case JsonKind.Boolean:
                    return WriteBoolean(value.GetBoolean());
                case JsonKind.String:
                    return WriteString(value.GetString());
                case JsonKind.Number:
                    BeforeValue();
                    _out.Append(value.NumberText);
                    return this;
                case JsonKind.Array:
                    WriteStartArray();
                    foreach (var item in value.Items)
                    {
                        WriteValue(item);
                    }

                    return WriteEndArray();
                default:
                    WriteStartObject();
                    foreach (var property in value.Properties)
                    {
                        WritePropertyName(property.Key);
                        WriteValue(property.Value);
                    }

                    return WriteEndObject();
            }
        }

        // Convenience for the common "name": value pairs.
        public JsonWriter Write(string name, string? value) => WritePropertyName(name).WriteString(value);

        public JsonWriter Write(string name, long value) => WritePropertyName(name).WriteNumber(value);

        public JsonWriter Write(string name, double value) => WritePropertyName(name).WriteNumber(value);

        public JsonWriter Write(string name, bool value) => WritePropertyName(name).WriteBoolean(value);

        /// <summary>The JSON written so far; throws if an object or array is still open.</summary>
        public override string ToString()
        {
            if (_scopes.Count > 0)
            {
                throw new InvalidOperationException("JSON is incomplete: " + _scopes.Count + " object(s) or array(s) still open.");
            }

            return _out.ToString();
        }

        internal static string FormatDouble(double value)
        {
            // "R" round-trips on every runtime Unity ships; integral values print without ".0".
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return text.IndexOf('E') >= 0 ? text.Replace("E+", "e+").Replace("E-", "e-") : text;
        }

        private void BeforeValue()
        {
            if (_scopes.Count == 0)
            {
                if (_rootWritten)
                {
                    throw new InvalidOperationException("A JSON document holds a single root value.");
                }

                _rootWritten = true;
                return;
            }

            var scope = _scopes.Peek();
            if (scope.Kind == ScopeKind.Object)
            {
                if (!scope.NameWritten)
                {
                    throw new InvalidOperationException("Write a property name before a value inside an object.");
                }

                scope.NameWritten = false;
            }
            else if (scope.Count > 0)
            {
                _out.Append(',');
            }

            scope.Count++;
        }

        private Scope Close(ScopeKind kind)
        {
            if (_scopes.Count == 0 || _scopes.Peek().Kind != kind)
            {
                throw new InvalidOperationException("No open " + kind.ToString().ToLowerInvariant() + " to close.");
            }

            return _scopes.Pop();
        }

        private void WriteQuoted(string value)
        {
            _out.Append('"');
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                switch (c)
                {
                    case '"': _out.Append("\\\""); continue;
                    case '\\': _out.Append("\\\\"); continue;
                    case '\n': _out.Append("\\n"); continue;
                    case '\r': _out.Append("\\r"); continue;
                    case '\t': _out.Append("\\t"); continue;
                    case '\b': _out.Append("\\b"); continue;
                    case '\f': _out.Append("\\f"); continue;
                }

                if (c < 0x20 || c == '\u2028' || c == '\u2029')
                {
                    AppendUnicodeEscape(c);
                }
                else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    _out.Append(c).Append(value[i + 1]);
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    AppendUnicodeEscape(c); // a lone surrogate cannot be encoded as UTF-8
                }
                else
                {
                    _out.Append(c);
                }
            }

            _out.Append('"');
        }

        private void AppendUnicodeEscape(char c) =>
            _out.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));

        private sealed class Scope
        {
            public Scope(ScopeKind kind)
            {
                Kind = kind;
            }

            public ScopeKind Kind { get; }

            public int Count { get; set; }

            public bool NameWritten { get; set; }
        }
    }
}
