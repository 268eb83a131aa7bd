using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;

namespace Commerce.Chain.Tests.Signing;

public class SiweMessageTests
{
    /// <summary>The example message of EIP-4361.</summary>
    private const string SpecExample =
        "service.org wants you to sign in with your Ethereum account:\n" +
        "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n" +
        "\n" +
        "I accept the ServiceOrg Terms of Service: https://service.org/tos\n" +
        "\n" +
        "URI: https://service.org/login\n" +
        "Version: 1\n" +
        "Chain ID: 1\n" +
        "Nonce: 32891756\n" +
        "Issued At: 2021-09-30T16:25:24Z\n" +
        "Resources:\n" +
        "- ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/\n" +
        "- https://example.com/my-web2-claim.json";

    private static SiweMessage SpecMessage() => new()
    {
        Domain = "service.org",
        Address = EthAddress.Parse("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"),
        Statement = "I accept the ServiceOrg Terms of Service: https://service.org/tos",
        Uri = "https://service.org/login",
        ChainId = 1,
        Nonce = "32891756",
        IssuedAt = new DateTimeOffset(2021, 9, 30, 16, 25, 24, TimeSpan.Zero),
        Resources = ["ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/", "https://example.com/my-web2-claim.json"],
    };

    [Fact]
    public void Format_writes_the_spec_example_exactly() => Assert.Equal(SpecExample, SpecMessage().Format());

    [Fact]
    public void Parse_reads_every_field_of_the_spec_example()
    {
        var message = SiweMessage.Parse(SpecExample);
        var expected = SpecMessage();
        Assert.Null(message.Scheme);
        Assert.Equal(expected.Domain, message.Domain);
        Assert.Equal(expected.Address, message.Address);
        Assert.Equal(expected.Statement, message.Statement);
        Assert.Equal(expected.Uri, message.Uri);
        Assert.Equal("1", message.Version);
        Assert.Equal(1, message.ChainId);
        Assert.Equal("32891756", message.Nonce);
        Assert.Equal(expected.IssuedAt, message.IssuedAt);
        Assert.Null(message.ExpirationTime);
        Assert.Null(message.NotBefore);
        Assert.Null(message.RequestId);
        Assert.Equal(expected.Resources, message.Resources);
        Assert.Equal(SpecExample, message.Format());
    }

    [Fact]
    public void Without_a_statement_two_empty_lines_follow_the_address()
    {
        var text = (SpecMessage() with { Statement = null, Resources = null }).Format();
        Assert.Contains("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n\n\nURI: https://service.org/login\n", text);
        var parsed = SiweMessage.Parse(text);
        Assert.Null(parsed.Statement);
        Assert.Equal(text, parsed.Format());
    }

    [Fact]
    public void Every_optional_field_is_written_in_spec_order_and_read_back()
    {
        var message = SpecMessage() with
        {
            Scheme = "https",
            Domain = "shop.example.com:8443",
            ChainId = 31337,
            IssuedAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
            ExpirationTime = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(2)),
            NotBefore = new DateTimeOffset(2026, 1, 2, 3, 0, 0, TimeSpan.Zero),
            RequestId = "req-7f3a",
        };
        var text = message.Format();
        Assert.StartsWith("https://shop.example.com:8443 wants you to sign in with your Ethereum account:\n", text);
        Assert.Contains(
            "Chain ID: 31337\nNonce: 32891756\nIssued At: 2026-01-02T03:04:05.678Z\n" +
            "Expiration Time: 2026-01-02T04:04:05+02:00\nNot Before: 2026-01-02T03:00:00Z\n" +
            "Request ID: req-7f3a\nResources:\n- ipfs://", text);
        var parsed = SiweMessage.Parse(text);
        Assert.Equal("https", parsed.Scheme);
        Assert.Equal("shop.example.com:8443", parsed.Domain);
        Assert.Equal(message.ExpirationTime, parsed.ExpirationTime);
        Assert.Equal(message.NotBefore, parsed.NotBefore);
        Assert.Equal(message.IssuedAt, parsed.IssuedAt);
        Assert.Equal("req-7f3a", parsed.RequestId);
        Assert.Equal(text, parsed.Format());
    }

    public static TheoryData<string, string, string> BrokenMessages => new()
    {
        { SpecExample.Replace("service.org wants you", "service.org asks you"), "domain", "first line" },
        { SpecExample.Replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"), "address", "EIP-55" },
        { SpecExample.Replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756CC2"), "address", "checksum" },
        { SpecExample.Replace("URI: https://service.org/login", "URL: https://service.org/login"), "uri", "URI: " },
        { SpecExample.Replace("URI: https://service.org/login", "URI: not a uri"), "uri", "not an absolute RFC 3986 URI" },
        { SpecExample.Replace("Version: 1", "Version: 2"), "version", "must be \"1\"" },
        { SpecExample.Replace("Chain ID: 1", "Chain ID: one"), "chainId", "decimal integer" },
        { SpecExample.Replace("Nonce: 32891756", "Nonce: 1234"), "nonce", "at least 8" },
        { SpecExample.Replace("Issued At: 2021-09-30T16:25:24Z", "Issued At: yesterday"), "issuedAt", "RFC 3339" },
        { SpecExample.Replace("Issued At: 2021-09-30T16:25:24Z", "Issued At: 2021-09-30 16:25:24"), "issuedAt", "RFC 3339" },
        { SpecExample.Replace("- https://example.com/my-web2-claim.json", "- no uri here"), "resources[1]", "URI" },
        { SpecExample + "\nExpiration Time: 2021-09-30T16:25:24Z", "message", "unexpected line 14" },
        { SpecExample.Replace("\n", "\r\n"), "message", "LF" },
        { SpecExample[..(SpecExample.IndexOf("Version", StringComparison.Ordinal) - 1)], "version", "message ends" },
    };

    [Theory]
    [MemberData(nameof(BrokenMessages))]
    public void Parse_names_the_field_at_fault(string text, string field, string expectedFragment)
    {
        var error = Assert.Throws<SiweFormatException>(() => SiweMessage.Parse(text));
        Assert.Equal(field, error.Field);
        Assert.Contains(expectedFragment, error.Message);
    }

    [Theory]
    [InlineData("statement", "line one\nline two")]
    [InlineData("statement", "quotes \"are\" not allowed")]
    [InlineData("domain", "shop.example.com/login")]
    [InlineData("requestId", "has space")]
    public void Format_refuses_fields_the_grammar_does_not_allow(string field, string value)
    {
        var message = field switch
        {
            "statement" => SpecMessage() with { Statement = value },
            "domain" => SpecMessage() with { Domain = value },
            _ => SpecMessage() with { RequestId = value },
        };
        var error = Assert.Throws<SiweFormatException>(() => message.Format());
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void A_signed_message_verifies_against_its_own_address_only()
    {
        var key = EthPrivateKey.Generate();
        var text = (SpecMessage() with { Address = key.Address }).Format();
        var signature = PersonalMessage.Sign(key, Encoding.UTF8.GetBytes(text));
        Assert.Equal(key.Address, SiweMessage.ParseAndVerify(text, signature).Address);

        var otherSigner = PersonalMessage.Sign(EthPrivateKey.Generate(), Encoding.UTF8.GetBytes(text));
        var error = Assert.Throws<SiweFormatException>(() => SiweMessage.ParseAndVerify(text, otherSigner));
        Assert.Equal("signature", error.Field);

        var tampered = text.Replace("Chain ID: 1", "Chain ID: 5");
        Assert.Throws<SiweFormatException>(() => SiweMessage.ParseAndVerify(tampered, signature));
    }

    [Fact]
    public void Generated_nonces_are_long_random_alphanumerics()
    {
        var nonces = Enumerable.Range(0, 50).Select(_ => SiweMessage.GenerateNonce()).ToHashSet();
        Assert.Equal(50, nonces.Count);
        Assert.All(nonces, n => Assert.Matches("^[A-Za-z0-9]{17}$", n));
    }

    [Fact]
    public void A_message_is_active_between_not_before_and_expiration()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var message = SpecMessage() with { NotBefore = start, ExpirationTime = start.AddMinutes(5) };
        Assert.False(message.IsActiveAt(start.AddSeconds(-1)));
        Assert.True(message.IsActiveAt(start));
        Assert.True(message.IsActiveAt(start.AddMinutes(4)));
        Assert.False(message.IsActiveAt(start.AddMinutes(5)));
    }
}
