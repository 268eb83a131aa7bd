using System.Security.Cryptography;

namespace Commerce.Connectors.Tests.Marketplaces;

/// <summary>item.listed webhook bodies, each for a token id no other test uses.</summary>
public static class Listings
{
    public static string NewTokenId() => RandomNumberGenerator.GetInt32(1, int.MaxValue).ToString();

    public static string Body(string tokenId, string rarity = "rare", string amount = "0.5", string owner = "0xAbC0000000000000000000000000000000000dEf") =>
        $$"""{"type":"item.listed","item":{"collection":"dragons","tokenId":"{{tokenId}}","rarity":"{{rarity}}","edition":1,"supply":10},"price":{"amount":"{{amount}}","currency":"ETH"},"owner":"{{owner}}"}""";
}
