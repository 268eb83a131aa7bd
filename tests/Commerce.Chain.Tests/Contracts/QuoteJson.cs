using System.Globalization;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Tests.Contracts;

/// <summary>The eth_signTypedData_v4 JSON a wallet gets for a quote (docs/QUOTE.md), written here independently of the signer.</summary>
public static class QuoteJson
{
    public static string For(CheckoutQuote quote, BigInteger chainId, EthAddress checkout) => $$"""
        {
          "types": {
            "EIP712Domain": [
              { "name": "name", "type": "string" }, { "name": "version", "type": "string" },
              { "name": "chainId", "type": "uint256" }, { "name": "verifyingContract", "type": "address" }
            ],
            "Quote": [
              { "name": "collection", "type": "address" }, { "name": "tokenId", "type": "uint256" },
              { "name": "buyer", "type": "address" }, { "name": "currency", "type": "address" },
              { "name": "price", "type": "uint256" }, { "name": "installments", "type": "uint16" },
              { "name": "expiry", "type": "uint64" }, { "name": "nonce", "type": "bytes32" }
            ]
          },
          "primaryType": "Quote",
          "domain": { "name": "CommerceCheckout", "version": "1", "chainId": {{chainId}}, "verifyingContract": "{{checkout}}" },
          "message": {
            "collection": "{{quote.Collection}}", "tokenId": "{{quote.TokenId}}", "buyer": "{{quote.Buyer}}", "currency": "{{quote.Currency}}",
            "price": "{{quote.Price.ToString(CultureInfo.InvariantCulture)}}", "installments": {{quote.Installments}}, "expiry": {{quote.Expiry}},
            "nonce": "{{HexString.Encode(quote.Nonce)}}"
          }
        }
        """;
}
