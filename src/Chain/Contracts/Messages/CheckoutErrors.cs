using System.Numerics;
using Commerce.Chain.Abi;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>The custom errors of contracts/src/Checkout.sol as Nethereum [Error] types.</summary>
public static class CheckoutErrors
{
    [Error("QuoteExpired")]
    public sealed class QuoteExpired : IErrorDTO
    {
        [Parameter("uint64", "expiry", 1)] public ulong Expiry { get; set; }
        [Parameter("uint256", "blockTime", 2)] public BigInteger BlockTime { get; set; }
    }

    [Error("NotQuoteBuyer")]
    public sealed class NotQuoteBuyer : IErrorDTO
    {
        [Parameter("address", "buyer", 1)] public string Buyer { get; set; } = "";
        [Parameter("address", "sender", 2)] public string Sender { get; set; } = "";
    }

    [Error("QuoteAlreadyUsed")]
    public sealed class QuoteAlreadyUsed : IErrorDTO
    {
        [Parameter("bytes32", "nonce", 1)] public byte[] Nonce { get; set; } = [];
    }

    [Error("InvalidQuoteSignature")]
    public sealed class InvalidQuoteSignature : IErrorDTO
    {
        [Parameter("address", "recovered", 1)] public string Recovered { get; set; } = "";
    }

    [Error("InvalidInstallments")]
    public sealed class InvalidInstallments : IErrorDTO
    {
        [Parameter("uint16", "installments", 1)] public ushort Installments { get; set; }
    }

    [Error("PriceTooLow")]
    public sealed class PriceTooLow : IErrorDTO
    {
        [Parameter("uint256", "price", 1)] public BigInteger Price { get; set; }
        [Parameter("uint16", "installments", 2)] public ushort Installments { get; set; }
    }

    [Error("WrongAmount")]
    public sealed class WrongAmount : IErrorDTO
    {
        [Parameter("uint256", "expected", 1)] public BigInteger Expected { get; set; }
        [Parameter("uint256", "sent", 2)] public BigInteger Sent { get; set; }
    }

    [Error("ItemNotForSale")]
    public sealed class ItemNotForSale : IErrorDTO
    {
        [Parameter("address", "collection", 1)] public string Collection { get; set; } = "";
        [Parameter("uint256", "tokenId", 2)] public BigInteger TokenId { get; set; }
        [Parameter("address", "owner", 3)] public string Owner { get; set; } = "";
    }

    [Error("ItemInEscrow")]
    public sealed class ItemInEscrow : IErrorDTO
    {
        [Parameter("address", "collection", 1)] public string Collection { get; set; } = "";
        [Parameter("uint256", "tokenId", 2)] public BigInteger TokenId { get; set; }
    }

    [Error("UnknownPurchase")]
    public sealed class UnknownPurchase : IErrorDTO
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
    }

    [Error("PlanNotActive")]
    public sealed class PlanNotActive : IErrorDTO
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("uint8", "status", 2)] public byte Status { get; set; }
    }

    [Error("NotPlanBuyer")]
    public sealed class NotPlanBuyer : IErrorDTO
    {
        [Parameter("address", "buyer", 1)] public string Buyer { get; set; } = "";
        [Parameter("address", "sender", 2)] public string Sender { get; set; } = "";
    }

    [Error("InstallmentLate")]
    public sealed class InstallmentLate : IErrorDTO
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("uint64", "deadline", 2)] public ulong Deadline { get; set; }
        [Parameter("uint256", "blockTime", 3)] public BigInteger BlockTime { get; set; }
    }

    [Error("NotInDefault")]
    public sealed class NotInDefault : IErrorDTO
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("uint64", "deadline", 2)] public ulong Deadline { get; set; }
        [Parameter("uint256", "blockTime", 3)] public BigInteger BlockTime { get; set; }
    }

    [Error("NotRefundable")]
    public sealed class NotRefundable : IErrorDTO
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
        [Parameter("uint8", "status", 2)] public byte Status { get; set; }
    }

    [Error("InsufficientRevenue")]
    public sealed class InsufficientRevenue : IErrorDTO
    {
        [Parameter("address", "currency", 1)] public string Currency { get; set; } = "";
        [Parameter("uint256", "available", 2)] public BigInteger Available { get; set; }
        [Parameter("uint256", "requested", 3)] public BigInteger Requested { get; set; }
    }

    [Error("EthTransferFailed")]
    public sealed class EthTransferFailed : IErrorDTO
    {
        [Parameter("address", "to", 1)] public string To { get; set; } = "";
        [Parameter("uint256", "amount", 2)] public BigInteger Amount { get; set; }
    }

    [Error("NothingOwed")]
    public sealed class NothingOwed : IErrorDTO
    {
        [Parameter("address", "account", 1)] public string Account { get; set; } = "";
        [Parameter("address", "currency", 2)] public string Currency { get; set; } = "";
    }

    [Error("ZeroAddress")]
    public sealed class ZeroAddress : IErrorDTO
    {
        [Parameter("string", "field", 1)] public string Field { get; set; } = "";
    }

    [Error("ZeroInterval")]
    public sealed class ZeroInterval : IErrorDTO;

    [Error("ReentrancyGuardReentrantCall")]
    public sealed class ReentrancyGuardReentrantCall : IErrorDTO;

    [Error("SafeERC20FailedOperation")]
    public sealed class SafeERC20FailedOperation : IErrorDTO
    {
        [Parameter("address", "token", 1)] public string Token { get; set; } = "";
    }

    [Error("InvalidShortString")]
    public sealed class InvalidShortString : IErrorDTO;

    [Error("StringTooLong")]
    public sealed class StringTooLong : IErrorDTO
    {
        [Parameter("string", "str", 1)] public string Str { get; set; } = "";
    }

    /// <summary>Every custom error a Checkout call can revert with: its own, and those of the collection and token it calls.</summary>
    public static readonly CustomErrors All = new CustomErrors(
        typeof(QuoteExpired), typeof(NotQuoteBuyer), typeof(QuoteAlreadyUsed), typeof(InvalidQuoteSignature), typeof(InvalidInstallments),
        typeof(PriceTooLow), typeof(WrongAmount), typeof(ItemNotForSale), typeof(ItemInEscrow), typeof(UnknownPurchase), typeof(PlanNotActive),
        typeof(NotPlanBuyer), typeof(InstallmentLate), typeof(NotInDefault), typeof(NotRefundable), typeof(InsufficientRevenue),
        typeof(EthTransferFailed), typeof(NothingOwed), typeof(ZeroAddress), typeof(ZeroInterval), typeof(ReentrancyGuardReentrantCall),
        typeof(SafeERC20FailedOperation), typeof(InvalidShortString), typeof(StringTooLong))
        .With(OpenZeppelinErrors.AccessControl)
        .With(new CustomErrors(typeof(GameItemErrors.BatchLengthMismatch)))
        .With(OpenZeppelinErrors.Erc721)
        .With(OpenZeppelinErrors.Erc20);
}
