using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Signing;

/// <summary>
/// An EIP-4361 "Sign-In with Ethereum" message. <see cref="Format"/> writes the exact text of the
/// specification (LF line ends, no final newline) and <see cref="Parse"/> reads it strictly; both
/// report the field at fault. The wallet signs the text with personal_sign (EIP-191): verify a
/// signature against the exact text received (see <see cref="ParseAndVerify"/>), never against a
/// re-formatted copy, since timestamps may be written in more than one valid way.
/// </summary>
public sealed partial record SiweMessage
{
    private const string HeaderSuffix = " wants you to sign in with your Ethereum account:";

    /// <summary>Optional URI scheme of the requesting origin (written as "scheme://domain").</summary>
    public string? Scheme { get; init; }

    /// <summary>The RFC 3986 authority requesting the signing, e.g. "shop.example.com".</summary>
    public required string Domain { get; init; }

    /// <summary>The signing account; written in its EIP-55 form.</summary>
    public required EthAddress Address { get; init; }

    /// <summary>Optional human-readable assertion; one line, no LF.</summary>
    public string? Statement { get; init; }

    /// <summary>RFC 3986 URI of the resource the signing is about.</summary>
    public required string Uri { get; init; }

    /// <summary>Must be "1".</summary>
    public string Version { get; init; } = "1";

    public required long ChainId { get; init; }

    /// <summary>At least 8 letters or digits chosen by the relying party (see <see cref="GenerateNonce"/>).</summary>
    public required string Nonce { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset? ExpirationTime { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public string? RequestId { get; init; }

    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>A nonce of <paramref name="length"/> letters and digits from the CSPRNG.</summary>
    public static string GenerateNonce(int length = 17)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 8);
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return RandomNumberGenerator.GetString(alphabet, length);
    }

    /// <summary>True when <paramref name="now"/> is within [NotBefore, ExpirationTime).</summary>
    public bool IsActiveAt(DateTimeOffset now) =>
        (NotBefore is null || now >= NotBefore) && (ExpirationTime is null || now < ExpirationTime);

    /// <summary>The message text to sign, exactly as EIP-4361 lays it out.</summary>
    public string Format()
    {
        Validate();
        var text = new StringBuilder();
        if (Scheme is not null)
            text.Append(Scheme).Append("://");
        text.Append(Domain).Append(HeaderSuffix).Append('\n');
        text.Append(Address).Append('\n');
        text.Append('\n');
        if (Statement is not null)
            text.Append(Statement).Append('\n');
        text.Append('\n');
        text.Append("URI: ").Append(Uri).Append('\n');
        text.Append("Version: ").Append(Version).Append('\n');
        text.Append("Chain ID: ").Append(ChainId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        text.Append("Nonce: ").Append(Nonce).Append('\n');
        text.Append("Issued At: ").Append(FormatTime(IssuedAt));
        if (ExpirationTime is { } expiration)
            text.Append("\nExpiration Time: ").Append(FormatTime(expiration));
        if (NotBefore is { } notBefore)
            text.Append("\nNot Before: ").Append(FormatTime(notBefore));
        if (RequestId is not null)
            text.Append("\nRequest ID: ").Append(RequestId);
        if (Resources is { Count: > 0 })
        {
            text.Append("\nResources:");
            foreach (var resource in Resources)
                text.Append("\n- ").Append(resource);
        }
        return text.ToString();
    }

    public override string ToString() => Format();

    /// <summary>Reads a message, checking it against the EIP-4361 grammar.</summary>
    public static SiweMessage Parse(string text)
    {
        if (string.IsNullOrEmpty(text))
            throw new SiweFormatException("message", "is empty");
        if (text.Contains('\r'))
            throw new SiweFormatException("message", "lines must end with LF only (found CR)");
        var lines = text.Split('\n');
        var reader = new LineReader(lines);

        var header = reader.Next("domain");
        if (!header.EndsWith(HeaderSuffix, StringComparison.Ordinal))
            throw new SiweFormatException("domain", $"first line must be \"<domain>{HeaderSuffix}\"");
        var origin = header[..^HeaderSuffix.Length];
        string? scheme = null;
        var schemeEnd = origin.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            scheme = origin[..schemeEnd];
            origin = origin[(schemeEnd + 3)..];
        }

        var addressText = reader.Next("address");
        var address = ParseAddress(addressText);
        reader.ExpectEmpty("address");

        string? statement = null;
        var line = reader.Next("uri");
        if (line.Length == 0 && reader.Peek()?.StartsWith("URI: ", StringComparison.Ordinal) == true)
        {
            // no statement: the blank line that ends the (absent) statement block
        }
        else
        {
            statement = line;
            reader.ExpectEmpty("statement");
        }

        var uri = reader.Tagged("URI: ", "uri");
        var version = reader.Tagged("Version: ", "version");
        var chainIdText = reader.Tagged("Chain ID: ", "chainId");
        if (chainIdText.Length == 0 || !chainIdText.All(char.IsAsciiDigit)
            || !long.TryParse(chainIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var chainId))
            throw new SiweFormatException("chainId", $"must be a decimal integer, got \"{chainIdText}\"");
        var nonce = reader.Tagged("Nonce: ", "nonce");
        var issuedAt = ParseTime(reader.Tagged("Issued At: ", "issuedAt"), "issuedAt");

        DateTimeOffset? expirationTime = null, notBefore = null;
        string? requestId = null;
        List<string>? resources = null;
        if (reader.TryTagged("Expiration Time: ", out var expirationText))
            expirationTime = ParseTime(expirationText, "expirationTime");
        if (reader.TryTagged("Not Before: ", out var notBeforeText))
            notBefore = ParseTime(notBeforeText, "notBefore");
        if (reader.TryTagged("Request ID: ", out var requestIdText))
            requestId = requestIdText;
        if (reader.TryExact("Resources:"))
        {
            resources = [];
            while (reader.TryTagged("- ", out var resource))
                resources.Add(resource);
        }
        if (reader.Peek() is { } extra)
            throw new SiweFormatException("message", $"unexpected line {reader.Position + 1}: \"{Shorten(extra)}\"");

        var message = new SiweMessage
        {
            Scheme = scheme,
            Domain = origin,
            Address = address,
            Statement = statement,
            Uri = uri,
            Version = version,
            ChainId = chainId,
            Nonce = nonce,
            IssuedAt = issuedAt,
            ExpirationTime = expirationTime,
            NotBefore = notBefore,
            RequestId = requestId,
            Resources = resources,
        };
        message.Validate();
        return message;
    }

    /// <summary>
    /// Parses <paramref name="text"/> and checks that <paramref name="signatureHex"/> is a
    /// personal_sign signature of exactly that text by the message's own address.
    /// </summary>
    public static SiweMessage ParseAndVerify(string text, string signatureHex)
    {
        var message = Parse(text);
        EthAddress signer;
        try
        {
            signer = PersonalMessage.RecoverAddress(Encoding.UTF8.GetBytes(text), signatureHex);
        }
        catch (FormatException e)
        {
            throw new SiweFormatException("signature", e.Message);
        }
        if (signer != message.Address)
            throw new SiweFormatException("signature", $"was made by {signer}, not by the message's address {message.Address}");
        return message;
    }

    /// <summary>Checks every field against the EIP-4361 grammar; throws naming the first field at fault.</summary>
    public void Validate()
    {
        if (Scheme is not null && !SchemePattern().IsMatch(Scheme))
            throw new SiweFormatException("scheme", $"\"{Scheme}\" is not an RFC 3986 scheme");
        if (string.IsNullOrEmpty(Domain) || !DomainPattern().IsMatch(Domain))
            throw new SiweFormatException("domain", $"\"{Domain}\" is not an RFC 3986 authority (host, optional user info and port)");
        if (Address is null)
            throw new SiweFormatException("address", "is missing");
        if (Statement is not null)
        {
            foreach (var c in Statement)
            {
                if (!IsStatementChar(c))
                    throw new SiweFormatException("statement", c == '\n'
                        ? "must be a single line (no LF)"
                        : $"character '{c}' (U+{(int)c:X4}) is not allowed (letters, digits, spaces and RFC 3986 reserved/unreserved characters only)");
            }
        }
        CheckUri(Uri, "uri");
        if (Version != "1")
            throw new SiweFormatException("version", $"must be \"1\", got \"{Version}\"");
        if (ChainId < 0)
            throw new SiweFormatException("chainId", "cannot be negative");
        if (Nonce is null || Nonce.Length < 8 || !Nonce.All(char.IsAsciiLetterOrDigit))
            throw new SiweFormatException("nonce", "must be at least 8 letters or digits");
        if (RequestId is not null && !RequestIdPattern().IsMatch(RequestId))
            throw new SiweFormatException("requestId", "may only contain RFC 3986 path characters");
        if (Resources is not null)
        {
            for (var i = 0; i < Resources.Count; i++)
                CheckUri(Resources[i], $"resources[{i}]");
        }
    }

    private static EthAddress ParseAddress(string text)
    {
        EthAddress address;
        try
        {
            address = EthAddress.Parse(text, "address");
        }
        catch (HexFormatException e)
        {
            throw new SiweFormatException("address", e.Message["address: ".Length..]);
        }
        if (address.ToString() != text)
            throw new SiweFormatException("address", $"must be written in its EIP-55 checksum form ({address})");
        return address;
    }

    private static void CheckUri(string? value, string field)
    {
        if (string.IsNullOrEmpty(value) || value.Any(char.IsWhiteSpace)
            || !System.Uri.TryCreate(value, UriKind.Absolute, out _))
            throw new SiweFormatException(field, $"\"{value}\" is not an absolute RFC 3986 URI");
    }

    private static DateTimeOffset ParseTime(string text, string field)
    {
        if (!TimePattern().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            throw new SiweFormatException(field, $"\"{text}\" is not an RFC 3339 date-time (e.g. 2021-09-30T16:25:24Z)");
        return value;
    }

    /// <summary>RFC 3339: seconds always, fractions only when present (trailing zeros dropped), Z for UTC.</summary>
    private static string FormatTime(DateTimeOffset value)
    {
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return value.Offset == TimeSpan.Zero
            ? text + "Z"
            : text + value.ToString("zzz", CultureInfo.InvariantCulture);
    }

    private static bool IsStatementChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c == ' ' || "-._~:/?#[]@!$&'()*+,;=".Contains(c);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+\-.]*$")]
    private static partial Regex SchemePattern();

    // [ userinfo "@" ] host [ ":" port ]: no whitespace, slash, query or fragment.
    [GeneratedRegex(@"^([A-Za-z0-9\-._~!$&'()*+,;=:%]*@)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]+)(:[0-9]*)?$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[A-Za-z0-9\-._~!$&'()*+,;=:@%]*$")]
    private static partial Regex RequestIdPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+\-]\d{2}:\d{2})$")]
    private static partial Regex TimePattern();

    private sealed class LineReader(string[] lines)
    {
        public int Position { get; private set; }

        public string? Peek() => Position < lines.Length ? lines[Position] : null;

        public string Next(string field) =>
            Position < lines.Length ? lines[Position++] : throw new SiweFormatException(field, "message ends before this field");

        public void ExpectEmpty(string after)
        {
            var line = Next(after);
            if (line.Length != 0)
                throw new SiweFormatException(after, $"must be followed by an empty line, found \"{Shorten(line)}\"");
        }

        public string Tagged(string tag, string field)
        {
            var line = Next(field);
            if (!line.StartsWith(tag, StringComparison.Ordinal))
                throw new SiweFormatException(field, $"expected a line starting \"{tag}\" at line {Position}, found \"{Shorten(line)}\"");
            return line[tag.Length..];
        }

        public bool TryTagged(string tag, out string value)
        {
            if (Peek() is { } line && line.StartsWith(tag, StringComparison.Ordinal))
            {
                Position++;
                value = line[tag.Length..];
                return true;
            }
            value = "";
            return false;
        }

        public bool TryExact(string text)
        {
            if (Peek() != text)
                return false;
            Position++;
            return true;
        }
    }
}
