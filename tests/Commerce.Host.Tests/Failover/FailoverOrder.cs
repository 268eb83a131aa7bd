using System.Net.Http.Headers;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Host.Tests.Failover;

/// <summary>One order of the failover test: its buyer, the signed quote it was placed with, the buyer's bearer token and how it must end.</summary>
internal sealed record FailoverOrder(EthPrivateKey Buyer, CheckoutQuote Quote, byte[] Signature, string Token, string ExpectedStatus)
{
    public string Id => HexString.Encode(Quote.Nonce);

    public string ItemId => $"dragons:{Quote.TokenId}";

    /// <summary>A client of <paramref name="baseUrl"/> carrying the buyer's token (issued by whichever host the buyer signed in at).</summary>
    public HttpClient ClientOf(string baseUrl)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}
