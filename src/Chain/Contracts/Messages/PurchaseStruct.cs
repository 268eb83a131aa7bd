using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>Checkout's <c>Purchase</c> struct as getPurchase returns it; <see cref="CheckoutPurchase"/> is the typed view.</summary>
public sealed class PurchaseStruct
{
    [Parameter("address", "buyer", 1)]
    public string Buyer { get; set; } = "";

    [Parameter("uint64", "startedAt", 2)]
    public ulong StartedAt { get; set; }

    [Parameter("uint16", "installments", 3)]
    public ushort Installments { get; set; }

    [Parameter("uint16", "paymentsMade", 4)]
    public ushort PaymentsMade { get; set; }

    [Parameter("address", "collection", 5)]
    public string Collection { get; set; } = "";

    [Parameter("uint8", "status", 6)]
    public byte Status { get; set; }

    [Parameter("address", "currency", 7)]
    public string Currency { get; set; } = "";

    [Parameter("uint256", "tokenId", 8)]
    public BigInteger TokenId { get; set; }

    [Parameter("uint256", "price", 9)]
    public BigInteger Price { get; set; }

    [Parameter("uint256", "paid", 10)]
    public BigInteger Paid { get; set; }
}
