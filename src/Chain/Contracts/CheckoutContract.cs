using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Artifacts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;

namespace Commerce.Chain.Contracts;

/// <summary>
/// Typed access to a deployed Checkout (contracts/src/Checkout.sol): purchases against signed
/// quotes, installments, defaults, refunds, withdrawals, its views, and its events. Writes take
/// the <see cref="IContractSender"/> of the account that acts (buyer, operator, treasurer, admin).
/// </summary>
public sealed class CheckoutContract(EthClient eth, EthAddress address)
    : ContractBinding(eth, address, "Checkout", CheckoutAbi.Errors)
{
    /// <summary>Deploys a Checkout; <paramref name="installmentInterval"/> is the seconds between installment deadlines.</summary>
    public static async Task<CheckoutContract> DeployAsync(
        IContractSender sender, EthClient eth, EthAddress admin, EthAddress quoteSigner, ulong installmentInterval, CancellationToken ct = default)
    {
        var address = await DeployAsync(sender, "Checkout", ContractBytecode.Checkout, CheckoutAbi.ConstructorInputs,
            [admin, quoteSigner, installmentInterval], CheckoutAbi.Errors, ct).ConfigureAwait(false);
        return new CheckoutContract(eth, address);
    }

    // ------------------------------------------------------------ writes

    /// <summary>
    /// Pays <paramref name="quote"/> with its signer's <paramref name="signature"/>. For ETH the value sent is
    /// <see cref="CheckoutQuote.AmountDueAtPurchase"/> unless <paramref name="ethValue"/> says otherwise; for an
    /// ERC-20 no value is sent (approve the Checkout for the amount first).
    /// </summary>
    public Task<RpcReceipt> PurchaseAsync(IContractSender sender, CheckoutQuote quote, byte[] signature, BigInteger? ethValue = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(quote);
        var value = ethValue ?? (quote.IsEth ? quote.AmountDueAtPurchase : BigInteger.Zero);
        return SendAsync(sender, CheckoutAbi.Purchase, value, [quote.ToAbiTuple(), signature], ct);
    }

    /// <summary>Pays the next installment of plan <paramref name="purchaseId"/>; <paramref name="ethValue"/> is the installment for ETH plans, 0 for ERC-20 ones.</summary>
    public Task<RpcReceipt> PayInstallmentAsync(IContractSender sender, byte[] purchaseId, BigInteger ethValue, CancellationToken ct = default) =>
        SendAsync(sender, CheckoutAbi.PayInstallment, ethValue, [purchaseId], ct);

    /// <summary>Declares plan <paramref name="purchaseId"/> in default (anyone, after a missed deadline).</summary>
    public Task<RpcReceipt> DeclareDefaultAsync(IContractSender sender, byte[] purchaseId, CancellationToken ct = default) =>
        SendAsync(sender, CheckoutAbi.DeclareDefault, 0, [purchaseId], ct);

    /// <summary>Compensation refund of a completed purchase (OPERATOR_ROLE; once).</summary>
    public Task<RpcReceipt> RefundAsync(IContractSender sender, byte[] purchaseId, CancellationToken ct = default) =>
        SendAsync(sender, CheckoutAbi.Refund, 0, [purchaseId], ct);

    /// <summary>Withdraws revenue (TREASURER_ROLE); <paramref name="currency"/> is <see cref="EthAddress.Zero"/> for ETH.</summary>
    public Task<RpcReceipt> WithdrawAsync(IContractSender sender, EthAddress currency, EthAddress to, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(sender, CheckoutAbi.Withdraw, 0, [currency, to, amount], ct);

    /// <summary>Sends an item the Checkout holds outside any escrow (OPERATOR_ROLE).</summary>
    public Task<RpcReceipt> ReleaseItemAsync(IContractSender sender, EthAddress collection, BigInteger tokenId, EthAddress to, CancellationToken ct = default) =>
        SendAsync(sender, CheckoutAbi.ReleaseItem, 0, [collection, tokenId, to], ct);

    public Task<RpcReceipt> SetQuoteSignerAsync(IContractSender sender, EthAddress signer, CancellationToken ct = default) =>
        SendAsync(sender, CheckoutAbi.SetQuoteSigner, 0, [signer], ct);

    public Task<RpcReceipt> GrantRoleAsync(IContractSender sender, byte[] role, EthAddress account, CancellationToken ct = default) =>
        SendAsync(sender, CommonAbi.GrantRole, 0, [role, account], ct);

    public Task<RpcReceipt> RevokeRoleAsync(IContractSender sender, byte[] role, EthAddress account, CancellationToken ct = default) =>
        SendAsync(sender, CommonAbi.RevokeRole, 0, [role, account], ct);

    // ------------------------------------------------------------ reads

    public async Task<CheckoutPurchase> GetPurchaseAsync(byte[] purchaseId, CancellationToken ct = default) =>
        CheckoutPurchase.FromTuple((object?[])(await CallAsync(CheckoutAbi.GetPurchase, [purchaseId], ct).ConfigureAwait(false))[0]!);

    public Task<bool> IsNonceUsedAsync(byte[] nonce, CancellationToken ct = default) => CallSingleAsync<bool>(CheckoutAbi.IsNonceUsed, [nonce], ct);

    /// <summary>The next installment's deadline of an active plan, else 0.</summary>
    public async Task<ulong> NextDeadlineAsync(byte[] purchaseId, CancellationToken ct = default) =>
        (ulong)await CallSingleAsync<BigInteger>(CheckoutAbi.NextDeadline, [purchaseId], ct).ConfigureAwait(false);

    /// <summary>Withdrawable revenue in <paramref name="currency"/>.</summary>
    public Task<BigInteger> RevenueAsync(EthAddress currency, CancellationToken ct = default) => CallSingleAsync<BigInteger>(CheckoutAbi.Revenue, [currency], ct);

    public Task<bool> InEscrowAsync(EthAddress collection, BigInteger tokenId, CancellationToken ct = default) =>
        CallSingleAsync<bool>(CheckoutAbi.InEscrow, [collection, tokenId], ct);

    public Task<EthAddress> QuoteSignerAsync(CancellationToken ct = default) => CallSingleAsync<EthAddress>(CheckoutAbi.QuoteSigner, [], ct);

    public async Task<ulong> InstallmentIntervalAsync(CancellationToken ct = default) =>
        (ulong)await CallSingleAsync<BigInteger>(CheckoutAbi.InstallmentInterval, [], ct).ConfigureAwait(false);

    /// <summary>The EIP-712 digest the contract computes for <paramref name="quote"/> (equals <c>quote.ToTypedData(chainId, Address).SigningHash()</c>).</summary>
    public Task<byte[]> QuoteDigestAsync(CheckoutQuote quote, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return CallSingleAsync<byte[]>(CheckoutAbi.QuoteDigest, [quote.ToAbiTuple()], ct);
    }

    public Task<byte[]> DomainSeparatorAsync(CancellationToken ct = default) => CallSingleAsync<byte[]>(CheckoutAbi.DomainSeparator, [], ct);

    public Task<BigInteger> DownPaymentAsync(BigInteger price, ushort installments, CancellationToken ct = default) =>
        CallSingleAsync<BigInteger>(CheckoutAbi.DownPayment, [price, installments], ct);

    public Task<BigInteger> InstallmentAmountAsync(BigInteger price, ushort installments, CancellationToken ct = default) =>
        CallSingleAsync<BigInteger>(CheckoutAbi.InstallmentAmount, [price, installments], ct);

    public async Task<(BigInteger Refund, BigInteger Penalty)> DefaultRefundAsync(BigInteger paid, CancellationToken ct = default)
    {
        var outputs = await CallAsync(CheckoutAbi.DefaultRefund, [paid], ct).ConfigureAwait(false);
        return ((BigInteger)outputs[0]!, (BigInteger)outputs[1]!);
    }

    public Task<bool> HasRoleAsync(byte[] role, EthAddress account, CancellationToken ct = default) =>
        CallSingleAsync<bool>(CommonAbi.HasRole, [role, account], ct);

    // ------------------------------------------------------------ events

    /// <summary>Decodes this Checkout's Purchased, InstallmentPaid, PlanCompleted, PlanDefaulted, Refunded, Withdrawn,
    /// QuoteSignerChanged and ItemReleased logs, in order; other logs (other contracts, role events) are skipped.</summary>
    public IReadOnlyList<CheckoutEvent> DecodeEvents(IEnumerable<RpcLog> logs)
    {
        var events = new List<CheckoutEvent>();
        foreach (var log in OwnLogs(logs))
        {
            if (Decode(log) is { } decoded)
                events.Add(decoded);
        }
        return events;
    }

    /// <summary>The events of type <typeparamref name="T"/> in <paramref name="logs"/>.</summary>
    public IReadOnlyList<T> DecodeEvents<T>(IEnumerable<RpcLog> logs) where T : CheckoutEvent => DecodeEvents(logs).OfType<T>().ToArray();

    private static CheckoutEvent? Decode(RpcLog log)
    {
        var topic0 = log.Topics[0];
        if (Is(CheckoutAbi.Purchased, topic0))
        {
            var e = DecodeLog(CheckoutAbi.Purchased, log);
            return new CheckoutPurchased((byte[])e["purchaseId"]!, (EthAddress)e["buyer"]!, (EthAddress)e["collection"]!, (BigInteger)e["tokenId"]!,
                (EthAddress)e["currency"]!, (BigInteger)e["price"]!, (ushort)(BigInteger)e["installments"]!, (BigInteger)e["amountPaid"]!,
                (ulong)(BigInteger)e["nextDeadline"]!) { Log = log };
        }
        if (Is(CheckoutAbi.InstallmentPaid, topic0))
        {
            var e = DecodeLog(CheckoutAbi.InstallmentPaid, log);
            return new CheckoutInstallmentPaid((byte[])e["purchaseId"]!, (EthAddress)e["buyer"]!, (ushort)(BigInteger)e["index"]!, (BigInteger)e["amount"]!,
                (BigInteger)e["totalPaid"]!, (ulong)(BigInteger)e["nextDeadline"]!) { Log = log };
        }
        if (Is(CheckoutAbi.PlanCompleted, topic0))
        {
            var e = DecodeLog(CheckoutAbi.PlanCompleted, log);
            return new CheckoutPlanCompleted((byte[])e["purchaseId"]!, (EthAddress)e["buyer"]!, (EthAddress)e["collection"]!, (BigInteger)e["tokenId"]!) { Log = log };
        }
        if (Is(CheckoutAbi.PlanDefaulted, topic0))
        {
            var e = DecodeLog(CheckoutAbi.PlanDefaulted, log);
            return new CheckoutPlanDefaulted((byte[])e["purchaseId"]!, (EthAddress)e["buyer"]!, (EthAddress)e["declaredBy"]!, (BigInteger)e["refund"]!,
                (BigInteger)e["penalty"]!) { Log = log };
        }
        if (Is(CheckoutAbi.Refunded, topic0))
        {
            var e = DecodeLog(CheckoutAbi.Refunded, log);
            return new CheckoutRefunded((byte[])e["purchaseId"]!, (EthAddress)e["buyer"]!, (EthAddress)e["currency"]!, (BigInteger)e["amount"]!) { Log = log };
        }
        if (Is(CheckoutAbi.Withdrawn, topic0))
        {
            var e = DecodeLog(CheckoutAbi.Withdrawn, log);
            return new CheckoutWithdrawn((EthAddress)e["currency"]!, (EthAddress)e["to"]!, (BigInteger)e["amount"]!) { Log = log };
        }
        if (Is(CheckoutAbi.QuoteSignerChanged, topic0))
        {
            var e = DecodeLog(CheckoutAbi.QuoteSignerChanged, log);
            return new CheckoutQuoteSignerChanged((EthAddress)e["previousSigner"]!, (EthAddress)e["newSigner"]!) { Log = log };
        }
        if (Is(CheckoutAbi.ItemReleased, topic0))
        {
            var e = DecodeLog(CheckoutAbi.ItemReleased, log);
            return new CheckoutItemReleased((EthAddress)e["collection"]!, (BigInteger)e["tokenId"]!, (EthAddress)e["to"]!) { Log = log };
        }
        return null;
    }

    private static bool Is(AbiEvent abiEvent, string topic0) => string.Equals(abiEvent.Topic0Hex, topic0, StringComparison.OrdinalIgnoreCase);

    private static DecodedLog DecodeLog(AbiEvent abiEvent, RpcLog log) => abiEvent.Decode(log.Topics.Select((t, i) => Hex.HexString.DecodeFixed(t, 32, $"topics[{i}]")).ToArray(), log.Data);
}
