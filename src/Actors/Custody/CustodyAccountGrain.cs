using System.Globalization;
using System.Numerics;
using Commerce.Actors.Ingress;
using Commerce.Actors.Ledger;
using Commerce.Actors.Runtime;
using Orleans.Concurrency;
using Commerce.Events.Custody;
using Commerce.Events.Marks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;

namespace Commerce.Actors.Custody;

/// <summary>
/// A player's custodial ETH balance (docs/ORDERS.md, "custodial"): confirmed deposits credit it (once per
/// transaction, ever: its dedupe key is stored with the credit), orders hold from it (refused when it does not cover the amount, so it never goes negative),
/// a delivered order's hold is spent and a failed order's hold comes back. Requests are idempotent per order:
/// a repeated hold request is answered as the first one was, a capture or release of a closed hold changes nothing.
/// Every movement (deposit credited, held, captured, released) is appended to the ledger (D9) with the state.
/// </summary>
[GrainType(TypeName), Reentrant]
public sealed partial class CustodyAccountGrain(
    [PersistentState("state", CommerceGrainStorage.Name)] IPersistentState<GrainDocument<CustodyAccountState>> document,
    IOptions<CustodyOptions> options,
    TimeProvider clock,
    ILogger<CustodyAccountGrain> logger)
    : CommerceGrain<CustodyAccountState>(document, clock), ICustodyAccountGrain
{
    public const string TypeName = "custody-account";

    /// <summary>The only currency a custodial balance holds.</summary>
    public const string Currency = "ETH";

    /// <summary>ETH as the ledger names assets: address(0).</summary>
    private const string EthAsset = "0x0000000000000000000000000000000000000000";

    /// <summary>What the ingress hands this grain type from commerce.custody-events: the deposit watcher's observations.</summary>
    public static IngressRoute Ingress { get; } = new(TypeName, TopicCatalog.CustodyEvents, new HashSet<Type> { typeof(DepositObserved), typeof(WithdrawalUpdated) },
        (grains, key) => grains.GetGrain<ICustodyAccountGrain>(key));

    /// <summary>The deposit watcher's key; null: no deposit is credited.</summary>
    private readonly CustodyOptions _options = options.Value;

    private readonly byte[]? _depositKey = FieldMac.DecodeKey(options.Value.DepositKey);

    /// <summary>The accounts' command key, which also checks the executor's mark on its word; null: no withdrawal moves.</summary>
    private readonly byte[]? _commandKey = FieldMac.DecodeKey(options.Value.CommandKey);

    private readonly ILogger _logger = logger;

    protected override CustodyAccountState CreateState(string key) => CustodyAccountState.New(key);

    /// <summary>
    /// The dedupe key of a deposit: its transaction (a plain ETH transfer carries one value and no log), credited once
    /// ever, however late a report of it comes again (docs/SECURITY.md, "Dedupe keys").
    /// </summary>
    public static string DedupeKey(string transactionHash) => $"deposit:{transactionHash.ToLowerInvariant()}";

    protected override IEnumerable<string> DedupeKeysOf(EventEnvelope envelope) =>
        envelope.Payload is DepositObserved deposit ? [DedupeKey(deposit.TransactionHash)] : [];

    /// <summary>Every handler is synchronous: a reentrant grain's state changes only between its awaits.</summary>
    protected override Task HandleAsync(EventEnvelope envelope)
    {
        switch (envelope.Payload)
        {
            case DepositObserved e: Deposit(e); break;
            case HoldRequested e: Hold(e); break;
            case HoldCaptureRequested e: Capture(e); break;
            case HoldReleaseRequested e: Release(e); break;
            case WithdrawalRequested e: Withdraw(e); break;
            case WithdrawalUpdated e: WithdrawalUpdated(e); break;
            case WithdrawalRecheckDue e: RecheckWithdrawal(e); break;
            default: throw new UnhandledEventException(TypeName, envelope.Type);
        }
        return Task.CompletedTask;
    }

    public Task<Replies> HoldAsync(HoldRequested request) => ReceiveCallAsync(request);

    public Task<Replies> CaptureAsync(HoldCaptureRequested request) => ReceiveCallAsync(request);

    public Task<Replies> ReleaseAsync(HoldReleaseRequested request) => ReceiveCallAsync(request);

    private void Deposit(DepositObserved deposit)
    {
        var tx = deposit.TransactionHash.ToLowerInvariant();
        var blockHash = deposit.BlockHash.ToLowerInvariant();
        if (!IsMine(deposit.Wallet) || !TryAmount(deposit.Amount, out var amount) || amount.IsZero || State.CreditedTransactions.Contains(tx))
            return;
        // The recent window above is the fast answer; the stored key answers for every transaction credited, ever.
        if (WasApplied(DedupeKey(tx)))
            return;
        // Only the deposit watcher's own observations count: anyone else who can write the topic cannot make money appear.
        if (_depositKey is null || !DepositMac.Verify(deposit, _depositKey))
            return;
        var at = Current.OccurredAt;
        if (deposit.Reorged)
        {
            // Its block left the chain before the confirmation: it was never credited, it is no longer a deposit.
            State = State with { Deposits = [.. State.Deposits.Where(d => !(d.TransactionHash == tx && d.BlockHash == blockHash))], UpdatedAt = at };
            return;
        }
        var entry = new CustodyDeposit(tx, Text(amount), deposit.BlockNumber, blockHash, deposit.Confirmed, at);
        var others = State.Deposits.Where(d => d.TransactionHash != tx);
        State = State with { Deposits = [.. others.Skip(Math.Max(0, others.Count() - CustodyAccountState.MaxDeposits + 1)), entry], UpdatedAt = at };
        if (deposit.Confirmed)
        {
            State = State with
            {
                Available = Text(Parse(State.Available) + amount),
                Credited = Text(Parse(State.Credited) + amount),
                CreditedTransactions = [.. State.CreditedTransactions.Skip(Math.Max(0, State.CreditedTransactions.Count - CustodyAccountState.MaxCreditedTransactions + 1)), tx],
            };
            MarkApplied(DedupeKey(tx));
            AppendToLedger(new LedgerEntry("custody.deposited", Key, EthAsset, Text(amount), Key, deposit.Custody.ToLowerInvariant(), tx));
        }
    }

    private void Hold(HoldRequested request)
    {
        if (!IsMine(request.Wallet))
            return;
        var at = Current.OccurredAt;
        if (State.Holds.FirstOrDefault(h => h.OrderId == request.OrderId) is { } known)
        {
            // A repeat: answered as the first request was (an order that moved on ignores the answer).
            if (known.Status == HoldStatus.Refused)
                Refuse(request, known.Reason ?? "refused");
            else if (known.Status == HoldStatus.Held)
                Reply(request.OrderId, new FundsHeld(request.OrderId, Key, Currency, known.Amount));
            return;
        }
        string? refusal = null;
        var amount = BigInteger.Zero;
        var available = Parse(State.Available);
        if (request.Currency != Currency)
            refusal = $"a custodial balance holds {Currency} only, not {request.Currency}";
        else if (!TryAmount(request.Amount, out amount) || amount.IsZero)
            refusal = $"the amount \"{request.Amount}\" is not a positive whole number of wei";
        else if (amount > available)
            refusal = $"insufficient balance: {Text(available)} wei available, {Text(amount)} wei asked";
        if (refusal is not null)
        {
            State = State with { Holds = Add(new CustodyHold(request.OrderId, request.Amount, HoldStatus.Refused, refusal, at)), UpdatedAt = at };
            Refuse(request, refusal);
            return;
        }
        State = State with
        {
            Available = Text(available - amount),
            Held = Text(Parse(State.Held) + amount),
            Holds = Add(new CustodyHold(request.OrderId, Text(amount), HoldStatus.Held, null, at)),
            UpdatedAt = at,
        };
        Reply(request.OrderId, new FundsHeld(request.OrderId, Key, Currency, Text(amount)));
        AppendToLedger(new LedgerEntry("custody.held", Key, EthAsset, Text(amount), Key, $"hold:{request.OrderId}", request.OrderId));
    }

    private void Capture(HoldCaptureRequested request)
    {
        if (!IsMine(request.Wallet) || OpenHold(request.OrderId) is not { } hold)
            return;
        var amount = Parse(hold.Amount);
        var at = Current.OccurredAt;
        State = State with
        {
            Held = Text(Parse(State.Held) - amount),
            Spent = Text(Parse(State.Spent) + amount),
            Holds = Close(hold with { Status = HoldStatus.Captured, At = at }),
            UpdatedAt = at,
        };
        AppendToLedger(new LedgerEntry("custody.captured", Key, EthAsset, hold.Amount, $"hold:{request.OrderId}", "platform", request.OrderId));
    }

    private void Release(HoldReleaseRequested request)
    {
        if (!IsMine(request.Wallet) || OpenHold(request.OrderId) is not { } hold)
            return;
        var amount = Parse(hold.Amount);
        var at = Current.OccurredAt;
        State = State with
        {
            Held = Text(Parse(State.Held) - amount),
            Available = Text(Parse(State.Available) + amount),
            Holds = Close(hold with { Status = HoldStatus.Released, Reason = request.Reason, At = at }),
            UpdatedAt = at,
        };
        AppendToLedger(new LedgerEntry("custody.released", Key, EthAsset, hold.Amount, $"hold:{request.OrderId}", Key, request.OrderId));
    }

    private void Refuse(HoldRequested request, string reason) =>
        Reply(request.OrderId, new HoldRefused(request.OrderId, Key, request.Currency, request.Amount, reason));

    private CustodyHold? OpenHold(string orderId) => State.Holds.FirstOrDefault(h => h.OrderId == orderId && h.Status == HoldStatus.Held);

    private bool IsMine(string wallet) => string.Equals(wallet, Key, StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds a hold; beyond the bound, the oldest closed holds go first (open ones are never dropped).</summary>
    private IReadOnlyList<CustodyHold> Add(CustodyHold hold) => Trim([.. State.Holds, hold]);

    private IReadOnlyList<CustodyHold> Close(CustodyHold closed) => Trim([.. State.Holds.Select(h => h.OrderId == closed.OrderId ? closed : h)]);

    private static IReadOnlyList<CustodyHold> Trim(List<CustodyHold> holds)
    {
        var excess = holds.Count(h => h.Status != HoldStatus.Held) - CustodyAccountState.MaxClosedHolds;
        if (excess <= 0)
            return holds;
        var drop = holds.Where(h => h.Status != HoldStatus.Held).Take(excess).ToHashSet();
        return [.. holds.Where(h => !drop.Contains(h))];
    }

    private static bool TryAmount(string? text, out BigInteger amount) =>
        BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out amount);

    private static BigInteger Parse(string text) => BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Text(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
