namespace Commerce.Chain.Abi;

/// <summary>
/// Reads human-readable ABI: types ("(uint256,bytes)[]"), parameter lists
/// ("address indexed from, uint256 value") and declarations
/// ("function transfer(address to, uint256 amount) returns (bool)").
/// </summary>
internal sealed class AbiSignatureParser
{
    private static readonly HashSet<string> Modifiers = ["view", "pure", "payable", "nonpayable", "external", "public", "internal", "constant", "virtual", "override"];

    private readonly string _text;
    private int _position;

    private AbiSignatureParser(string text) => _text = text;

    public static AbiType ParseType(string text)
    {
        var parser = new AbiSignatureParser(text ?? throw new ArgumentNullException(nameof(text)));
        var type = parser.Type();
        parser.SkipSpace();
        parser.ExpectEnd();
        return type;
    }

    /// <summary>Parses "[kind] name(params) [modifiers] [returns (params)] [anonymous]".</summary>
    public static (string Name, IReadOnlyList<AbiParameter> Inputs, IReadOnlyList<AbiParameter> Outputs, bool Anonymous) ParseDeclaration(string text, string expectedKind)
    {
        var parser = new AbiSignatureParser(text ?? throw new ArgumentNullException(nameof(text)));
        parser.SkipSpace();
        var name = parser.Identifier("name");
        if (name == expectedKind)
        {
            parser.SkipSpace();
            name = parser.Identifier("name");
        }
        parser.SkipSpace();
        var inputs = parser.ParameterList();
        IReadOnlyList<AbiParameter> outputs = [];
        var anonymous = false;
        while (true)
        {
            parser.SkipSpace();
            if (parser.AtEnd)
                break;
            var word = parser.Identifier("modifier");
            if (word == "returns")
            {
                parser.SkipSpace();
                outputs = parser.ParameterList();
            }
            else if (word == "anonymous")
            {
                anonymous = true;
            }
            else if (!Modifiers.Contains(word))
            {
                throw parser.Error($"unexpected \"{word}\"");
            }
        }
        return (name, inputs, outputs, anonymous);
    }

    private bool AtEnd => _position >= _text.Length;

    private char Current => _text[_position];

    private List<AbiParameter> ParameterList()
    {
        Expect('(');
        var parameters = new List<AbiParameter>();
        SkipSpace();
        if (!AtEnd && Current == ')')
        {
            _position++;
            return parameters;
        }
        while (true)
        {
            SkipSpace();
            var type = Type();
            var indexed = false;
            var name = "";
            SkipSpace();
            while (!AtEnd && IsIdentifierChar(Current))
            {
                var word = Identifier("parameter name");
                var isLocation = word is "memory" or "calldata" or "storage"; // says nothing about the ABI
                if (word == "indexed" && !indexed && name.Length == 0)
                    indexed = true;
                else if (name.Length == 0 && !isLocation)
                    name = word;
                else if (!isLocation || name.Length > 0)
                    throw Error($"unexpected \"{word}\" after parameter \"{name}\"");
                SkipSpace();
            }
            parameters.Add(new AbiParameter(name, type, indexed));
            SkipSpace();
            if (AtEnd)
                throw Error("missing ')'");
            if (Current == ',')
            {
                _position++;
                continue;
            }
            Expect(')');
            return parameters;
        }
    }

    private AbiType Type()
    {
        SkipSpace();
        AbiType type;
        if (!AtEnd && Current == '(')
        {
            type = AbiType.Tuple(ParameterList().ToArray());
        }
        else
        {
            var start = _position;
            var name = Identifier("type");
            if (name == "tuple" && !AtEnd && Current == '(')
                type = AbiType.Tuple(ParameterList().ToArray());
            else
                type = AbiType.Elementary(name) ?? throw new AbiException("type", $"\"{name}\" at position {start} is not an ABI type");
        }
        while (!AtEnd && Current == '[')
        {
            _position++;
            var start = _position;
            while (!AtEnd && char.IsAsciiDigit(Current))
                _position++;
            int? length = _position > start ? int.Parse(_text.AsSpan(start, _position - start), System.Globalization.CultureInfo.InvariantCulture) : null;
            Expect(']');
            type = AbiType.Array(type, length);
        }
        return type;
    }

    private string Identifier(string what)
    {
        var start = _position;
        while (!AtEnd && IsIdentifierChar(Current))
            _position++;
        if (_position == start)
            throw Error($"expected a {what}");
        return _text[start.._position];
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Current))
            _position++;
    }

    private void Expect(char c)
    {
        if (AtEnd || Current != c)
            throw Error($"expected '{c}'");
        _position++;
    }

    private void ExpectEnd()
    {
        if (!AtEnd)
            throw Error($"unexpected '{Current}'");
    }

    private AbiException Error(string message) => new("signature", $"{message} at position {_position} in \"{_text}\"");
}
