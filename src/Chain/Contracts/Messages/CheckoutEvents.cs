using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>The events of contracts/src/Checkout.sol as Nethereum [Event] types (the role events are <see cref="AccessControlEvents"/>).</summary>
public static class CheckoutEvents
{
    [Event("Purchased")]
    public sealed class Purchased : IEventDTO
    {
        [Parameter("bytes32", "purchaseId", 1, true)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("address", "buyer", 2, true)] public string Buyer { get; set; } = "";
        [Parameter("address", "collection", 3, true)] public string Collection { get; set; } = "";
        [Parameter("uint256", "tokenId", 4)] public BigInteger TokenId { get; set; }
        [Parameter("address", "currency", 5)] public string Currency { get; set; } = "";
        [Parameter("uint256", "price", 6)] public BigInteger Price { get; set; }
        [Parameter("uint16", "installments", 7)] public ushort Installments { get; set; }
        [Parameter("uint256", "amountPaid", 8)] public BigInteger AmountPaid { get; set; }
        [Parameter("uint64", "nextDeadline", 9)] public ulong NextDeadline { get; set; }
    }

    [Event("InstallmentPaid")]
    public sealed class InstallmentPaid : IEventDTO
    {
        [Parameter("bytes32", "purchaseId", 1, true)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("address", "buyer", 2, true)] public string Buyer { get; set; } = "";
        [Parameter("uint16", "index", 3)] public ushort Index { get; set; }
        [Parameter("uint256", "amount", 4)] public BigInteger Amount { get; set; }
        [Parameter("uint256", "totalPaid", 5)] public BigInteger TotalPaid { get; set; }
        [Parameter("uint64", "nextDeadline", 6)] public ulong NextDeadline { get; set; }
    }

    [Event("PlanCompleted")]
    public sealed class PlanCompleted : IEventDTO
    {
        [Parameter("bytes32", "purchaseId", 1, true)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("address", "buyer", 2, true)] public string Buyer { get; set; } = "";
        [Parameter("address", "collection", 3, true)] public string Collection { get; set; } = "";
        [Parameter("uint256", "tokenId", 4)] public BigInteger TokenId { get; set; }
    }

    [Event("PlanDefaulted")]
    public sealed class PlanDefaulted : IEventDTO
    {
        [Parameter("bytes32", "purchaseId", 1, true)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("address", "buyer", 2, true)] public string Buyer { get; set; } = "";
        [Parameter("address", "declaredBy", 3)] public string DeclaredBy { get; set; } = "";
        [Parameter("uint256", "refund", 4)] public BigInteger Refund { get; set; }
        [Parameter("uint256", "penalty", 5)] public BigInteger Penalty { get; set; }
    }

    [Event("Refunded")]
    public sealed class Refunded : IEventDTO
    {
        [Parameter("bytes32", "purchaseId", 1, true)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("address", "buyer", 2, true)] public string Buyer { get; set; } = "";
        [Parameter("address", "currency", 3)] public string Currency { get; set; } = "";
        [Parameter("uint256", "amount", 4)] public BigInteger Amount { get; set; }
    }

    [Event("RefundCredited")]
    public sealed class RefundCredited : IEventDTO
    {
        [Parameter("bytes32", "purchaseId", 1, true)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("address", "account", 2, true)] public string Account { get; set; } = "";
        [Parameter("address", "currency", 3)] public string Currency { get; set; } = "";
        [Parameter("uint256", "amount", 4)] public BigInteger Amount { get; set; }
    }

    [Event("OwedPaid")]
    public sealed class OwedPaid : IEventDTO
    {
        [Parameter("address", "account", 1, true)] public string Account { get; set; } = "";
        [Parameter("address", "currency", 2, true)] public string Currency { get; set; } = "";
        [Parameter("address", "to", 3)] public string To { get; set; } = "";
        [Parameter("uint256", "amount", 4)] public BigInteger Amount { get; set; }
    }

    [Event("Withdrawn")]
    public sealed class Withdrawn : IEventDTO
    {
        [Parameter("address", "currency", 1, true)] public string Currency { get; set; } = "";
        [Parameter("address", "to", 2, true)] public string To { get; set; } = "";
        [Parameter("uint256", "amount", 3)] public BigInteger Amount { get; set; }
    }

    [Event("QuoteSignerChanged")]
    public sealed class QuoteSignerChanged : IEventDTO
    {
        [Parameter("address", "previousSigner", 1, true)] public string PreviousSigner { get; set; } = "";
        [Parameter("address", "newSigner", 2, true)] public string NewSigner { get; set; } = "";
    }

    [Event("ItemReleased")]
    public sealed class ItemReleased : IEventDTO
    {
        [Parameter("address", "collection", 1, true)] public string Collection { get; set; } = "";
        [Parameter("uint256", "tokenId", 2)] public BigInteger TokenId { get; set; }
        [Parameter("address", "to", 3, true)] public string To { get; set; } = "";
    }

    [Event("EIP712DomainChanged")]
    public sealed class EIP712DomainChanged : IEventDTO;

    /// <summary>Every event the contract emits.</summary>
    public static readonly IReadOnlyList<Type> All = [typeof(Purchased), typeof(InstallmentPaid), typeof(PlanCompleted), typeof(PlanDefaulted), typeof(Refunded), typeof(RefundCredited),
        typeof(OwedPaid), typeof(Withdrawn),
        typeof(QuoteSignerChanged), typeof(ItemReleased), typeof(EIP712DomainChanged), .. AccessControlEvents.All];
}
