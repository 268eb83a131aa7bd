using System.Numerics;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using static Commerce.Chain.Contracts.Messages.CheckoutFunctions;

namespace Commerce.Chain.Contracts;

/// <summary>
/// Typed access to a deployed Checkout (contracts/src/Checkout.sol): purchases against signed
/// quotes, installments, defaults, refunds, withdrawals, its views, and its events. Writes take
/// the <see cref="IContractSender"/> of the account that acts (buyer, operator, treasurer, admin).
/// </summary>
public sealed class CheckoutContract(EthClient eth, EthAddress address)
    : ContractBinding(eth, address, "Checkout", CheckoutErrors.All)
{
    /// <summary>Deploys a Checkout; <paramref name="installmentInterval"/> is the seconds between installment deadlines.</summary>
    public static async Task<CheckoutContract> DeployAsync(
        IContractSender sender, EthClient eth, EthAddress admin, EthAddress quoteSigner, ulong installmentInterval, CancellationToken ct = default)
    {
        var constructor = new CheckoutConstructor { Admin = admin.ToString(), Signer = quoteSigner.ToString(), InstallmentInterval = installmentInterval };
        var address = await DeployAsync(sender, "Checkout", constructor, CheckoutErrors.All, ct).ConfigureAwait(false);
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
        return SendAsync(sender, quote.ToPurchase(signature), ct, value);
    }

    /// <summary>Pays the next installment of plan <paramref name="purchaseId"/>; <paramref name="ethValue"/> is the installment for ETH plans, 0 for ERC-20 ones.</summary>
    public Task<RpcReceipt> PayInstallmentAsync(IContractSender sender, byte[] purchaseId, BigInteger ethValue, CancellationToken ct = default) =>
        SendAsync(sender, new PayInstallment { PurchaseId = purchaseId }, ct, ethValue);

    /// <summary>Pays off plan <paramref name="purchaseId"/> early: <paramref name="ethValue"/> is everything not yet paid for ETH plans, 0 for ERC-20 ones.</summary>
    public Task<RpcReceipt> PayOffAsync(IContractSender sender, byte[] purchaseId, BigInteger ethValue, CancellationToken ct = default) =>
        SendAsync(sender, new PayOff { PurchaseId = purchaseId }, ct, ethValue);

    /// <summary>Declares plan <paramref name="purchaseId"/> in default (anyone, after a missed deadline).</summary>
    public Task<RpcReceipt> DeclareDefaultAsync(IContractSender sender, byte[] purchaseId, CancellationToken ct = default) =>
        SendAsync(sender, new DeclareDefault { PurchaseId = purchaseId }, ct);

    /// <summary>Compensation refund of a completed purchase (OPERATOR_ROLE; once).</summary>
    public Task<RpcReceipt> RefundAsync(IContractSender sender, byte[] purchaseId, CancellationToken ct = default) =>
        SendAsync(sender, new Refund { PurchaseId = purchaseId }, ct);

    /// <summary>Pays the caller's credited refunds in <paramref name="currency"/> (a refund it did not take) to <paramref name="to"/>.</summary>
    public Task<RpcReceipt> ClaimAsync(IContractSender sender, EthAddress currency, EthAddress to, CancellationToken ct = default) =>
        SendAsync(sender, new Claim { Currency = currency.ToString(), To = to.ToString() }, ct);

    /// <summary>Sends <paramref name="account"/>'s credited refunds in <paramref name="currency"/> to it (OPERATOR_ROLE; only to the account itself).</summary>
    public Task<RpcReceipt> PayOwedAsync(IContractSender sender, EthAddress account, EthAddress currency, CancellationToken ct = default) =>
        SendAsync(sender, new PayOwed { Account = account.ToString(), Currency = currency.ToString() }, ct);

    /// <summary>Withdraws revenue (TREASURER_ROLE); <paramref name="currency"/> is <see cref="EthAddress.Zero"/> for ETH.</summary>
    public Task<RpcReceipt> WithdrawAsync(IContractSender sender, EthAddress currency, EthAddress to, BigInteger amount, CancellationToken ct = default) =>
        SendAsync(sender, new Withdraw { Currency = currency.ToString(), To = to.ToString(), Amount = amount }, ct);

    /// <summary>Sends an item the Checkout holds outside any escrow (OPERATOR_ROLE).</summary>
    public Task<RpcReceipt> ReleaseItemAsync(IContractSender sender, EthAddress collection, BigInteger tokenId, EthAddress to, CancellationToken ct = default) =>
        SendAsync(sender, new ReleaseItem { Collection = collection.ToString(), TokenId = tokenId, To = to.ToString() }, ct);

    public Task<RpcReceipt> SetQuoteSignerAsync(IContractSender sender, EthAddress signer, CancellationToken ct = default) =>
        SendAsync(sender, new SetQuoteSigner { Signer = signer.ToString() }, ct);

    public Task<RpcReceipt> GrantRoleAsync(IContractSender sender, byte[] role, EthAddress account, CancellationToken ct = default) =>
        SendAsync(sender, new AccessControlFunctions.GrantRole { Role = role, Account = account.ToString() }, ct);

    public Task<RpcReceipt> RevokeRoleAsync(IContractSender sender, byte[] role, EthAddress account, CancellationToken ct = default) =>
        SendAsync(sender, new AccessControlFunctions.RevokeRole { Role = role, Account = account.ToString() }, ct);

    // ------------------------------------------------------------ reads

    public async Task<CheckoutPurchase> GetPurchaseAsync(byte[] purchaseId, CancellationToken ct = default) =>
        CheckoutPurchase.From((await QueryOutputAsync<GetPurchase, GetPurchaseOutput>(new() { PurchaseId = purchaseId }, ct).ConfigureAwait(false)).Purchase);

    public Task<bool> IsNonceUsedAsync(byte[] nonce, CancellationToken ct = default) => QueryAsync<IsNonceUsed, bool>(new() { QuoteNonce = nonce }, ct);

    /// <summary>The next installment's deadline of an active plan, else 0.</summary>
    public Task<ulong> NextDeadlineAsync(byte[] purchaseId, CancellationToken ct = default) =>
        QueryAsync<NextDeadline, ulong>(new() { PurchaseId = purchaseId }, ct);

    /// <summary>Withdrawable revenue in <paramref name="currency"/>.</summary>
    public Task<BigInteger> RevenueAsync(EthAddress currency, CancellationToken ct = default) =>
        QueryAsync<Revenue, BigInteger>(new() { Currency = currency.ToString() }, ct);

    /// <summary>Refunds credited to <paramref name="account"/> in <paramref name="currency"/> and not yet paid out.</summary>
    public Task<BigInteger> OwedAsync(EthAddress currency, EthAddress account, CancellationToken ct = default) =>
        QueryAsync<Owed, BigInteger>(new() { Currency = currency.ToString(), Account = account.ToString() }, ct);

    public Task<bool> InEscrowAsync(EthAddress collection, BigInteger tokenId, CancellationToken ct = default) =>
        QueryAsync<InEscrow, bool>(new() { Collection = collection.ToString(), TokenId = tokenId }, ct);

    public Task<EthAddress> QuoteSignerAsync(CancellationToken ct = default) => QueryAddressAsync(new QuoteSigner(), ct);

    public Task<ulong> InstallmentIntervalAsync(CancellationToken ct = default) => QueryAsync<InstallmentInterval, ulong>(new(), ct);

    /// <summary>The EIP-712 digest the contract computes for <paramref name="quote"/> (equals <c>quote.SigningHash(chainId, Address)</c>).</summary>
    public Task<byte[]> QuoteDigestAsync(CheckoutQuote quote, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(quote);
        return QueryAsync<QuoteDigest, byte[]>(new() { Quote = quote.ToStruct() }, ct);
    }

    public Task<byte[]> DomainSeparatorAsync(CancellationToken ct = default) => QueryAsync<DomainSeparator, byte[]>(new(), ct);

    public Task<byte[]> QuoteTypeHashAsync(CancellationToken ct = default) => QueryAsync<QuoteTypeHash, byte[]>(new(), ct);

    public Task<BigInteger> DownPaymentAsync(BigInteger price, ushort installments, CancellationToken ct = default) =>
        QueryAsync<DownPayment, BigInteger>(new() { Price = price, Installments = installments }, ct);

    public Task<BigInteger> InstallmentAmountAsync(BigInteger price, ushort installments, CancellationToken ct = default) =>
        QueryAsync<InstallmentAmount, BigInteger>(new() { Price = price, Installments = installments }, ct);

    public async Task<(BigInteger Refund, BigInteger Penalty)> DefaultRefundAsync(BigInteger paid, CancellationToken ct = default)
    {
        var output = await QueryOutputAsync<DefaultRefund, DefaultRefundOutput>(new() { Paid = paid }, ct).ConfigureAwait(false);
        return (output.RefundAmount, output.Penalty);
    }

    public Task<bool> HasRoleAsync(byte[] role, EthAddress account, CancellationToken ct = default) =>
        QueryAsync<AccessControlFunctions.HasRole, bool>(new() { Role = role, Account = account.ToString() }, ct);

    // ------------------------------------------------------------ events

    /// <summary>Decodes this Checkout's Purchased, InstallmentPaid, PlanCompleted, PlanDefaulted, Refunded, Withdrawn,
    /// QuoteSignerChanged and ItemReleased logs, in order; other logs (other contracts, role events) are skipped.</summary>
    public IReadOnlyList<CheckoutEvent> DecodeEvents(IEnumerable<RpcLog> logs) =>
        OwnLogs(logs).Select(CheckoutEventDecoder.Decode).OfType<CheckoutEvent>().ToArray();

    /// <summary>The events of type <typeparamref name="T"/> in <paramref name="logs"/>.</summary>
    public IReadOnlyList<T> DecodeEvents<T>(IEnumerable<RpcLog> logs) where T : CheckoutEvent => DecodeEvents(logs).OfType<T>().ToArray();
}
