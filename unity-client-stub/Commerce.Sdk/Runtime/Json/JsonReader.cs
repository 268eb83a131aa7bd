using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Commerce.Sdk
{
    /// <summary>
    /// A strict RFC 8259 JSON parser written by hand (no reflection, nothing for IL2CPP to strip).
    /// Rejects trailing commas, comments, single quotes, leading zeros, unescaped control characters,
    /// NaN/Infinity, trailing content, and nesting deeper than <see cref="MaxDepth"/>.
    /// </summary>
    public sealed class JsonReader
    {
        public const int MaxDepth = 64;

        private readonly string _text;
        private int _pos;
        private int _depth;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <summary>Parses one JSON value that spans the whole text (surrounding whitespace allowed).</summary>
        /// <exception cref="JsonParseException">The text is not valid JSON.</exception>
        public static JsonValue Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            var reader = new JsonReader(text);
            reader.SkipWhitespace();
            var value = reader.ReadValue();
            reader.SkipWhitespace();
            if (reader._pos < text.Length)
            {
                throw reader.Error("Unexpected content after the JSON value");
            }

            return value;
        }

        /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
        public static bool TryParse(string? text, out JsonValue value)
        {
            value = JsonValue.Null;
            if (text == null)
            {
                return false;
            }

            try
            {
                value = Parse(text);
                return true;
            }
            catch (JsonParseException)
            {
                return false;
            }
        }

        private JsonValue ReadValue()
        {
            if (_pos >= _text.Length)
            {
                throw Error("Unexpected end of input, expected a value");
            }

            var c = _text[_pos];
            switch (c)
            {
                case '{':
                    return ReadObject();
                case '[':
                    return ReadArray();
                case '"':
                    var start = _pos;
                    var s = ReadString();
                    return JsonValue.Parsed(JsonKind.String, s, false, null, null, _text.Substring(start, _pos - start));
                case 't':
                    ExpectLiteral("true");
                    return JsonValue.True;
                case 'f':
                    ExpectLiteral("false");
                    return JsonValue.False;
                case 'n':
                    ExpectLiteral("null");
                    return JsonValue.Null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw Error("Unexpected character '" + Printable(c) + "', expected a value");
            }
        }

        private JsonValue ReadObject()
        {
            var start = _pos;
            Enter();
            _pos++; // '{'
            var properties = new List<KeyValuePair<string, JsonValue>>();
            SkipWhitespace();
            if (Peek() == '}')
            {
                _pos++;
                return Exit(JsonValue.Parsed(JsonKind.Object, null, false, null, properties, _text.Substring(start, _pos - start)));
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error(_pos >= _text.Length
                        ? "Unexpected end of input, expected a property name"
                        : "Expected a property name in double quotes");
                }

                var name = ReadString();
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw Error("Expected ':' after property name \"" + name + "\"");
                }

                _pos++;
                SkipWhitespace();
                properties.Add(new KeyValuePair<string, JsonValue>(name, ReadValue()));
                SkipWhitespace();
                var next = Peek();
                if (next == ',')
                {
                    _pos++;
                    continue;
                }

                if (next == '}')
                {
                    _pos++;
                    return Exit(JsonValue.Parsed(JsonKind.Object, null, false, null, properties, _text.Substring(start, _pos - start)));
                }

                throw Error(_pos >= _text.Length
                    ? "Unexpected end of input inside an object"
                    : "Expected ',' or '}' after a property value");
            }
        }

        private JsonValue ReadArray()
        {
            var start = _pos;
            Enter();
            _pos++; // '['
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                _pos++;
                return Exit(JsonValue.Parsed(JsonKind.Array, null, false, items, null, _text.Substring(start, _pos - start)));
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() == ']')
                {
                    throw Error("Trailing comma before ']'");
                }

                items.Add(ReadValue());
                SkipWhitespace();
                var next = Peek();
                if (next == ',')
                {
                    _pos++;
                    continue;
                }

                if (next == ']')
                {
                    _pos++;
                    return Exit(JsonValue.Parsed(JsonKind.Array, null, false, items, null, _text.Substring(start, _pos - start)));
                }

                throw Error(_pos >= _text.Length
                    ? "Unexpected end of input inside an array"
                    : "Expected ',' or ']' after an array element");
            }
        }

        private string ReadString()
        {
            _pos++; // opening quote
            StringBuilder? builder = null;
            var runStart = _pos;
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error("Unterminated string");
                }

                var c = _text[_pos];
                if (c == '"')
                {
                    var tail = _text.Substring(runStart, _pos - runStart);
                    _pos++;
                    return builder == null ? tail : builder.Append(tail).ToString();
                }

                if (c < 0x20)
                {
                    throw Error("Unescaped control character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " in string");
                }

                if (c != '\\')
                {
                    _pos++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(_text, runStart, _pos - runStart);
                _pos++;
                if (_pos >= _text.Length)
                {
                    throw Error("Unterminated escape sequence");
                }

                var e = _text[_pos];
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        builder.Append(ReadHex4());
                        _pos += 4;
                        break;
                    default:
                        throw Error("Invalid escape sequence '\\" + Printable(e) + "'");
                }

                _pos++;
                runStart = _pos;
            }
        }

        private char ReadHex4()
        {
            if (_pos + 4 >= _text.Length)
            {
                throw Error("Truncated \\u escape, expected four hex digits");
            }

            var code = 0;
            for (var i = 1; i <= 4; i++)
            {
                var h = _text[_pos + i];
                int digit;
                if (h >= '0' && h <= '9')
                {
                    digit = h - '0';
                }
                else if (h >= 'a' && h <= 'f')
                {
                    digit = h - 'a' + 10;
                }
                else if (h >= 'A' && h <= 'F')
                {
                    digit = h - 'A' + 10;
                }
                else
                {
                    _pos += i;
                    throw Error("Invalid hex digit '" + Printable(h) + "' in \\u escape");
                }

                code = (code << 4) | digit;
            }

            return (char)code;
        }

        private JsonValue ReadNumber()
        {
            var start = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            if (Peek() == '0')
            {
                _pos++;
                if (IsDigit(Peek()))
                {
                    throw Error("Leading zeros are not allowed in numbers");
                }
            }
            else if (IsDigit(Peek()))
            {
                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }
            else
            {
                throw Error("Expected a digit");
            }

            if (Peek() == '.')
            {
                _pos++;
                if (!IsDigit(Peek()))
                {
                    throw Error("Expected a digit after the decimal point");
                }

                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _pos++;
                }

                if (!IsDigit(Peek()))
                {
                    throw Error("Expected a digit in the exponent");
                }

                while (IsDigit(Peek()))
                {
                    _pos++;
                }
            }

            var text = _text.Substring(start, _pos - start);
            return JsonValue.Parsed(JsonKind.Number, text, false, null, null, text);
        }

        private void ExpectLiteral(string literal)
        {
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            {
                throw Error("Invalid literal, expected '" + literal + "'");
            }

            _pos += literal.Length;
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw Error("Nesting deeper than " + MaxDepth + " levels");
            }
        }

        private JsonValue Exit(JsonValue value)
        {
            _depth--;
            return value;
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _pos++;
            }
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static string Printable(char c) =>
            c < 0x20 || c > 0x7E ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();

        private JsonParseException Error(string message) => new JsonParseException(message, _pos);
    }
}
