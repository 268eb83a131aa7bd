using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>The functions of contracts/src/Checkout.sol as Nethereum messages: <c>new CheckoutFunctions.Purchase { ... }.GetCallData()</c>.</summary>
public static class CheckoutFunctions
{
    [Function("purchase", "bytes32")]
    public sealed class Purchase : FunctionMessage
    {
        [Parameter("tuple", "quote", 1)] public QuoteStruct Quote { get; set; } = new();
        [Parameter("bytes", "signature", 2)] public byte[] Signature { get; set; } = [];
    }

    [Function("payInstallment")]
    public sealed class PayInstallment : FunctionMessage
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
    }

    [Function("payOff")]
    public sealed class PayOff : FunctionMessage
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
    }

    [Function("declareDefault")]
    public sealed class DeclareDefault : FunctionMessage
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
    }

    [Function("refund")]
    public sealed class Refund : FunctionMessage
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
    }

    [Function("withdraw")]
    public sealed class Withdraw : FunctionMessage
    {
        [Parameter("address", "currency", 1)] public string Currency { get; set; } = "";
        [Parameter("address", "to", 2)] public string To { get; set; } = "";
        [Parameter("uint256", "amount", 3)] public BigInteger Amount { get; set; }
    }

    [Function("claim")]
    public sealed class Claim : FunctionMessage
    {
        [Parameter("address", "currency", 1)] public string Currency { get; set; } = "";
        [Parameter("address", "to", 2)] public string To { get; set; } = "";
    }

    [Function("payOwed")]
    public sealed class PayOwed : FunctionMessage
    {
        [Parameter("address", "account", 1)] public string Account { get; set; } = "";
        [Parameter("address", "currency", 2)] public string Currency { get; set; } = "";
    }

    [Function("releaseItem")]
    public sealed class ReleaseItem : FunctionMessage
    {
        [Parameter("address", "collection", 1)] public string Collection { get; set; } = "";
        [Parameter("uint256", "tokenId", 2)] public BigInteger TokenId { get; set; }
        [Parameter("address", "to", 3)] public string To { get; set; } = "";
    }

    [Function("setQuoteSigner")]
    public sealed class SetQuoteSigner : FunctionMessage
    {
        [Parameter("address", "signer", 1)] public string Signer { get; set; } = "";
    }

    [Function("getPurchase", typeof(GetPurchaseOutput))]
    public sealed class GetPurchase : FunctionMessage
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
    }

    [Function("quoteDigest", "bytes32")]
    public sealed class QuoteDigest : FunctionMessage
    {
        [Parameter("tuple", "quote", 1)] public QuoteStruct Quote { get; set; } = new();
    }

    [Function("domainSeparator", "bytes32")]
    public sealed class DomainSeparator : FunctionMessage;

    [Function("isNonceUsed", "bool")]
    public sealed class IsNonceUsed : FunctionMessage
    {
        [Parameter("bytes32", "nonce", 1)] public byte[] QuoteNonce { get; set; } = [];
    }

    [Function("nextDeadline", "uint64")]
    public sealed class NextDeadline : FunctionMessage
    {
        [Parameter("bytes32", "purchaseId", 1)] public byte[] PurchaseId { get; set; } = [];
    }

    [Function("revenue", "uint256")]
    public sealed class Revenue : FunctionMessage
    {
        [Parameter("address", "currency", 1)] public string Currency { get; set; } = "";
    }

    [Function("owed", "uint256")]
    public sealed class Owed : FunctionMessage
    {
        [Parameter("address", "currency", 1)] public string Currency { get; set; } = "";
        [Parameter("address", "account", 2)] public string Account { get; set; } = "";
    }

    [Function("inEscrow", "bool")]
    public sealed class InEscrow : FunctionMessage
    {
        [Parameter("address", "collection", 1)] public string Collection { get; set; } = "";
        [Parameter("uint256", "tokenId", 2)] public BigInteger TokenId { get; set; }
    }

    [Function("quoteSigner", "address")]
    public sealed class QuoteSigner : FunctionMessage;

    [Function("installmentInterval", "uint64")]
    public sealed class InstallmentInterval : FunctionMessage;

    [Function("downPayment", "uint256")]
    public sealed class DownPayment : FunctionMessage
    {
        [Parameter("uint256", "price", 1)] public BigInteger Price { get; set; }
        [Parameter("uint16", "installments", 2)] public ushort Installments { get; set; }
    }

    [Function("installmentAmount", "uint256")]
    public sealed class InstallmentAmount : FunctionMessage
    {
        [Parameter("uint256", "price", 1)] public BigInteger Price { get; set; }
        [Parameter("uint16", "installments", 2)] public ushort Installments { get; set; }
    }

    [Function("defaultRefund", typeof(DefaultRefundOutput))]
    public sealed class DefaultRefund : FunctionMessage
    {
        [Parameter("uint256", "paid", 1)] public BigInteger Paid { get; set; }
    }

    [Function("QUOTE_TYPEHASH", "bytes32")]
    public sealed class QuoteTypeHash : FunctionMessage;

    [Function("MAX_INSTALLMENTS", "uint16")]
    public sealed class MaxInstallments : FunctionMessage;

    [Function("DEFAULT_PENALTY_BPS", "uint16")]
    public sealed class DefaultPenaltyBps : FunctionMessage;

    /// <summary>What getPurchase returns.</summary>
    [FunctionOutput]
    public sealed class GetPurchaseOutput : IFunctionOutputDTO
    {
        [Parameter("tuple", "", 1)] public PurchaseStruct Purchase { get; set; } = new();
    }

    /// <summary>What defaultRefund returns.</summary>
    [FunctionOutput]
    public sealed class DefaultRefundOutput : IFunctionOutputDTO
    {
        [Parameter("uint256", "refundAmount", 1)] public BigInteger RefundAmount { get; set; }
        [Parameter("uint256", "penalty", 2)] public BigInteger Penalty { get; set; }
    }
}
