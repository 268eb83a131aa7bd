using System.Globalization;
using System.Numerics;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.GameSimulator.Orders;
using Commerce.GameSimulator.Planning;
using Commerce.GameSimulator.Wallet;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Simulation;

/// <summary>
/// One game client, through the SDK only: its own fresh wallet, signs in, subscribes to pushes, is funded by the dev
/// faucet, shows interest, receives offers, and (by its plan) orders, pays each step with its own signed
/// transactions, follows the order by pushes to its terminal state, and lists the NFTs it owns at the end.
/// </summary>
public sealed class SimulatedPlayer(int number, PlayerPlan plan, SimulationContext context)
{
    private static readonly TimeSpan OfferWait = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RaceWait = TimeSpan.FromSeconds(40);

    /// <summary>A little more than the pricing engine's minimum interval between two offers to one player (5 s by default).</summary>
    private static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    /// <summary>How long a player keeps listening, once done, for the demo campaign to reach its expected wallets.</summary>
    private static readonly TimeSpan AirdropWait = TimeSpan.FromSeconds(120);

    private readonly InterestMatcher _matcher = new();
    private readonly OfferInbox _offers = new();
    private readonly OrderBook _orders = new();
    private readonly List<PlacedOrder> _placed = [];
    private readonly ChainWalletSigner _signer = ChainWalletSigner.Generate();
    private int _pushes;
    private string? _note;
    private string? _firstInterest;
    private AirdropPush? _airdrop;

    private SimulationStats Stats => context.Stats;

    public async Task<PlayerOutcome> RunAsync(SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        using var client = new CommerceClient(new CommerceClientOptions { BaseUrl = context.Options.Url }, context.Http, null);
        PushSubscription? subscription = null;
        string? playerId = null;
        string? error = null;
        try
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                playerId = (await client.SignInAsync(_signer, cancellationToken)).PlayerId;
                Stats.PlayerSignedIn();
                subscription = Subscribe(client);
                if (context.CanPay)
                {
                    await client.RequestFaucetAsync(cancellationToken);
                    Stats.PlayerFunded();
                }
            }
            finally
            {
                gate.Release();
            }

            if (context.Crm is { } crm)
            {
                await JoinLoyaltyAsync(client, crm, playerId, cancellationToken);
            }

            await ShowInterestsAsync(client, cancellationToken);
            await ChatAsync(client, cancellationToken);
            if (plan.Race is { } race)
            {
                await RaceAsync(client, race, cancellationToken);
            }
            else if (plan.Role == PlayerRole.Buyer && plan.Target is { } target)
            {
                await BuyAsync(client, target, cancellationToken);
            }

            _matcher.Seal();
            try
            {
                await _matcher.AllConfirmed.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
            }
            catch (TimeoutException)
            {
                _note ??= $"{_matcher.Confirmed} of {_matcher.Sent} interests confirmed by a push";
            }

            if (context.Airdrops is { } airdrops)
            {
                try
                {
                    await airdrops.AllDelivered.WaitAsync(AirdropWait, cancellationToken);
                }
                catch (TimeoutException)
                {
                    _note ??= $"{airdrops.Delivered} of {airdrops.Expected} airdrops told by a push within {AirdropWait.TotalSeconds:0} s";
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error = "cancelled";
        }
        catch (Exception e) when (e is CommerceApiException or ContractRevertException or TimeoutException or InvalidOperationException
                                       or HttpRequestException or ArgumentException or FormatException or Commerce.Chain.JsonRpc.JsonRpcException)
        {
            error = e.Message;
        }
        finally
        {
            if (subscription is not null)
            {
                await subscription.StopAsync();
            }
        }

        if (error is not null)
        {
            Stats.Error($"player {number}: {error}");
        }

        var (orders, owned) = await CheckOrdersAsync(client, cancellationToken);
        var airdrop = Volatile.Read(ref _airdrop);
        var airdropOwned = airdrop is null || cancellationToken.IsCancellationRequested ? 0 : await AirdropOwnedAsync(airdrop, cancellationToken);
        Stats.PlayerDone();
        return new PlayerOutcome(number, playerId, plan.Role, _matcher.Sent, _matcher.Confirmed, _offers.Count,
            Volatile.Read(ref _pushes), orders, owned, _note, error, airdrop?.TokenIds.Count ?? 0, airdropOwned);
    }

    private PushSubscription Subscribe(CommerceClient client)
    {
        var subscription = client.CreatePushSubscription();
        subscription.MessageReceived += push =>
        {
            Interlocked.Increment(ref _pushes);
            Stats.PushReceived();
            if (push.Type == AirdropPush.Type)
            {
                OnAirdrop(push.PayloadJson);
            }

            if (_matcher.OnPush(push))
            {
                Stats.InterestConfirmed();
            }
        };
        subscription.OfferReceived += offer =>
        {
            Stats.OfferReceived(_offers.OnOffer(offer, DateTimeOffset.UtcNow));
            if (offer.Items.Any(i => i.Cites("Intent")))
            {
                Stats.Chat.OfferCitingIntent();
            }

            var (loyalty, floor) = Connectors.CitedFactors.Of(offer);
            Stats.OfferCites(loyalty, floor);
        };
        subscription.OrderUpdated += update =>
        {
            if (update.IsInstallmentReminder)
            {
                Stats.ReminderReceived();
            }

            _orders.OnPush(update);
        };
        subscription.StateChanged += change =>
        {
            if (change.State == PushConnectionState.Reconnecting)
            {
                Stats.Reconnected();
            }
            else if (change.State == PushConnectionState.Faulted)
            {
                Stats.Error($"player {number}: push channel: {change.Error?.Message}");
            }
        };
        subscription.Error += e => Stats.Error($"player {number}: {e.Message}");
        subscription.Start();
        return subscription;
    }

    /// <summary>
    /// Asks the chatbot about the item of its first interest (a buyer's target): its price, then a follow-up
    /// (<see cref="ChatScript"/>). Each answer is checked against the player's own offers: a price it cites must be one
    /// offered to this player. A browser (it buys nothing, so its timing matters to no order) asks a follow-up that moves
    /// the price and waits for an offer priced with it, showing interest again once (offers are rate-limited per player).
    /// </summary>
    private async Task ChatAsync(CommerceClient client, CancellationToken cancellationToken)
    {
        var itemId = _firstInterest;
        if (itemId is null)
        {
            return;
        }

        var other = context.Catalog.FirstOrDefault(c => c.ItemId != itemId)?.ItemId ?? itemId;
        var browsing = plan.Role == PlayerRole.Browser;
        foreach (var question in ChatScript.For(number, itemId, other, movePrice: browsing))
        {
            var started = DateTimeOffset.UtcNow;
            var answer = await client.AskAsync(question, itemId, cancellationToken);
            if (answer.YourPrice is { } price && !await _offers.WasOfferedAsync(itemId, price, OfferWait, cancellationToken))
            {
                throw new InvalidOperationException($"the chat cited a price of {price} for {itemId} that was never offered to this player");
            }

            Stats.Chat.Answered(answer.Intent, answer.YourPrice is not null, DateTimeOffset.UtcNow - started);
        }

        if (browsing && await _offers.WaitForCitingAsync(itemId, "Intent", RateLimitWait, cancellationToken) is null)
        {
            await ShowInterestAsync(client, itemId, cancellationToken);
            await _offers.WaitForCitingAsync(itemId, "Intent", OfferWait, cancellationToken);
        }
    }

    /// <summary>A buyer's first interest is its target; the rest are random items of the catalog.</summary>
    /// <summary>The studio adds the player to the CRM with a tier; the player waits (30 s at most) until its session shows it.</summary>
    private async Task JoinLoyaltyAsync(CommerceClient client, Connectors.LocalCrmClient crm, string playerId, CancellationToken cancellationToken)
    {
        var tier = Connectors.LocalCrmClient.TierOf(number);
        await crm.AddPlayerAsync(playerId, tier, 500m * number, cancellationToken);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if ((await client.GetMyStateAsync(cancellationToken)).LoyaltyTier == tier)
            {
                Stats.LoyaltyShown();
                return;
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private async Task ShowInterestsAsync(CommerceClient client, CancellationToken cancellationToken)
    {
        if (plan.Race is { } race)
        {
            foreach (var (itemId, dwellSeconds) in race.Interests)
            {
                await ShowInterestAsync(client, itemId, cancellationToken, dwellSeconds);
            }

            return;
        }

        for (var i = 0; i < context.Options.Interests; i++)
        {
            var itemId = i == 0 && plan.Target is { } target
                ? target.ItemId
                : context.Catalog[Random.Shared.Next(context.Catalog.Count)].ItemId;
            await ShowInterestAsync(client, itemId, cancellationToken);
        }
    }

    private async Task ShowInterestAsync(CommerceClient client, string itemId, CancellationToken cancellationToken, double? dwell = null)
    {
        var dwellSeconds = dwell ?? Math.Round(5 + (Random.Shared.NextDouble() * 25), 1);
        _offers.InterestSent(DateTimeOffset.UtcNow);
        var accepted = await client.ShowInterestAsync(itemId, dwellSeconds, cancellationToken);
        _firstInterest ??= itemId;
        Stats.InterestSent();
        if (_matcher.Expect(accepted.EventId, itemId))
        {
            Stats.InterestConfirmed(); // its push beat the HTTP answer
        }
    }

    private async Task BuyAsync(CommerceClient client, CatalogItem target, CancellationToken cancellationToken)
    {
        var offered = await OfferedAsync(client, target.ItemId, cancellationToken);
        if (offered is null)
        {
            _note = $"{target.ItemId} was never offered to it, so it bought nothing";
            return;
        }

        await OrderAndPayAsync(client, offered, plan.PaymentKind!, cancellationToken);
    }

    /// <summary>
    /// A race: the leader takes an item of its first offer (unique if any, not claimed by a buyer) and announces it; the
    /// rival shows interest in it until it is offered; both meet and order at once. Each pays only if its order is reserved.
    /// </summary>
    private async Task RaceAsync(CommerceClient client, RaceStart race, CancellationToken cancellationToken)
    {
        OfferedItem? offered;
        if (plan.LeadsRace)
        {
            var first = await _offers.WaitForFirstAsync(OfferWait, cancellationToken);
            var unique = context.Catalog.Where(c => c.IsUnique).Select(c => c.ItemId).ToHashSet();
            offered = first?.Find(race.ItemId)
                ?? first?.Items.OrderBy(i => unique.Contains(i.ItemId) ? 0 : 1).ThenBy(i => i.Rank).FirstOrDefault(i => context.Claims.TryClaim(i.ItemId));
            for (var attempt = 0; offered is null && attempt < 2; attempt++)
            {
                // Every item offered so far is some buyer's target: show interest in an unclaimed one until it is offered.
                var candidate = context.Catalog.Where(c => c.Available && !c.IsUnique).OrderBy(_ => Random.Shared.Next())
                    .FirstOrDefault(c => context.Claims.TryClaim(c.ItemId));
                if (candidate is null)
                {
                    break;
                }

                await ShowInterestAsync(client, candidate.ItemId, cancellationToken);
                offered = await OfferedAsync(client, candidate.ItemId, cancellationToken);
            }

            race.Choose(offered?.ItemId);
        }
        else
        {
            var itemId = await race.ItemAsync(TimeSpan.FromSeconds(90), cancellationToken);
            // Offered the same items as the leader (the same interests), it usually holds the item already.
            offered = itemId is null ? null
                : await _offers.WaitForItemAsync(itemId, TimeSpan.FromSeconds(2), cancellationToken)
                  ?? await OfferedAsync(client, itemId, cancellationToken, showFirst: true);
        }

        await race.ArriveAsync(RaceWait, cancellationToken);
        if (offered is null)
        {
            _note = "no item to race for was offered to it, so it bought nothing";
            return;
        }

        await OrderAndPayAsync(client, offered, offered.Quote.IsEth ? PaymentKinds.Eth : PaymentKinds.Stablecoin, cancellationToken);
    }

    private async Task OrderAndPayAsync(CommerceClient client, OfferedItem offered, string kind, CancellationToken cancellationToken)
    {
        var quote = offered.Quote;
        if (kind == PaymentKinds.Installments)
        {
            quote = await client.QuoteInstallmentsAsync(quote, context.Options.Installments, cancellationToken);
        }
        else if (quote.IsEth != (kind == PaymentKinds.Eth))
        {
            kind = quote.IsEth ? PaymentKinds.Eth : PaymentKinds.Stablecoin;
        }

        var placedAt = DateTimeOffset.UtcNow;
        var placement = await client.PlaceOrderAsync(offered.ItemId, quote, kind, null, cancellationToken);
        Stats.OrderPlaced();
        var track = _orders.Track(placement.OrderId);
        var order = new PlacedOrder(placement.OrderId, offered.ItemId, kind, quote, track, placedAt);
        lock (_placed)
        {
            _placed.Add(order);
        }

        var deadline = placedAt + context.Options.Timeout;
        var wallet = new WalletSender(context.Eth!, _signer.Key, (ulong)context.Chain!.ChainId);
        try
        {
            if (kind == PaymentKinds.Installments)
            {
                await PayPlanAsync(client, wallet, order, deadline, cancellationToken);
            }
            else
            {
                await PayInFullAsync(client, wallet, order, deadline, cancellationToken);
            }
        }
        catch (ContractRevertException e)
        {
            _note = $"payment of {order.ItemId} not sent: {e.Message}";
            Stats.Error($"player {number}: {_note}");
        }

        if (!await WaitForAsync(client, track, t => t.IsTerminal, deadline, cancellationToken))
        {
            throw new TimeoutException($"order {order.OrderId} ({order.ItemId}, {kind}) reached no terminal state within {context.Options.Timeout.TotalSeconds:0} s; last status {track.Status ?? "none"}");
        }

        var ended = track.TerminalStates.First();
        Stats.OrderEnded(ended, ended == OrderStatuses.Completed && track.TerminalAt is { } at ? at - placedAt : null);
    }

    /// <summary>The item as offered, waiting for an offer holding it; shows the interest again once if none came (offers are rate-limited per player).</summary>
    private async Task<OfferedItem?> OfferedAsync(CommerceClient client, string itemId, CancellationToken cancellationToken, bool showFirst = false)
    {
        if (showFirst)
        {
            await ShowInterestAsync(client, itemId, cancellationToken);
        }

        var offered = await _offers.WaitForItemAsync(itemId, RateLimitWait, cancellationToken);
        if (offered is null)
        {
            await ShowInterestAsync(client, itemId, cancellationToken);
            offered = await _offers.WaitForItemAsync(itemId, OfferWait, cancellationToken);
        }

        return offered;
    }

    /// <summary>eth or stablecoin: once the item is held for the order, send its steps (approve, purchase).</summary>
    private async Task PayInFullAsync(CommerceClient client, WalletSender wallet, PlacedOrder order, DateTimeOffset deadline, CancellationToken ct)
    {
        if (!await WaitForHeldAsync(client, order, deadline, ct))
        {
            return;
        }

        await SendStepsAsync(wallet, await StepsAsync(client, order, deadline, ct), ct);
    }

    /// <summary>
    /// installments: the down payment once the item is held; then each installment when its reminder push arrives
    /// or its deadline approaches, unless this player stops paying on purpose (then the plan defaults).
    /// </summary>
    private async Task PayPlanAsync(CommerceClient client, WalletSender wallet, PlacedOrder order, DateTimeOffset deadline, CancellationToken ct)
    {
        if (!await WaitForHeldAsync(client, order, deadline, ct))
        {
            return;
        }

        await SendStepsAsync(wallet, await StepsAsync(client, order, deadline, ct), ct);
        if (!await WaitForAsync(client, order.Track, t => t.Status == OrderStatuses.PlanActive || t.IsTerminal, deadline, ct) || order.Track.IsTerminal)
        {
            return;
        }

        if (plan.StopsPaying)
        {
            Stats.PlanAbandoned();
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, context.Chain!.InstallmentIntervalSeconds));
        var margin = TimeSpan.FromSeconds(Math.Max(3, interval.TotalSeconds * 0.3));
        var paid = new HashSet<long>();
        while (!order.Track.IsTerminal && DateTimeOffset.UtcNow < deadline)
        {
            var due = await client.GetPaymentAsync(order.OrderId, ct);
            if (due.Steps.Count == 0 || due.Deadline is not { } dueBy || paid.Contains(dueBy))
            {
                // Nothing (new) due yet: the platform has not seen the last payment, or the plan is complete.
                await order.Track.WaitUntilAsync(t => t.IsTerminal, TimeSpan.FromSeconds(1), ct);
                continue;
            }

            var reminders = order.Track.Reminders;
            var payBy = DateTimeOffset.FromUnixTimeSeconds(dueBy) - margin;
            if (payBy > DateTimeOffset.UtcNow)
            {
                await order.Track.WaitUntilAsync(t => t.Reminders > reminders || t.IsTerminal, payBy - DateTimeOffset.UtcNow, ct);
            }

            if (order.Track.IsTerminal)
            {
                return;
            }

            var fresh = await client.GetPaymentAsync(order.OrderId, ct);
            if (fresh.Deadline == dueBy && fresh.Steps.Count > 0)
            {
                await SendStepsAsync(wallet, fresh.Steps, ct);
                paid.Add(dueBy);
            }
        }
    }

    /// <summary>True once the item is held for the order; false when it ended first (refused: another player holds it).</summary>
    private static async Task<bool> WaitForHeldAsync(CommerceClient client, PlacedOrder order, DateTimeOffset deadline, CancellationToken ct) =>
        await WaitForAsync(client, order.Track, t => t.Status is OrderStatuses.Reserved or OrderStatuses.PlanActive || t.IsTerminal, deadline, ct)
        && !order.Track.IsTerminal;

    /// <summary>The steps to pay now; the push may beat the state the payment endpoint reads, so ask again on each change.</summary>
    private async Task<IReadOnlyList<PaymentStep>> StepsAsync(CommerceClient client, PlacedOrder order, DateTimeOffset deadline, CancellationToken ct)
    {
        while (true)
        {
            var payment = await client.GetPaymentAsync(order.OrderId, ct);
            if (payment.Steps.Count > 0 || order.Track.IsTerminal || OrderStatuses.IsTerminal(payment.Status))
            {
                return payment.Steps;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new TimeoutException($"order {order.OrderId} was held but no payment steps came");
            }

            await order.Track.WaitUntilAsync(t => t.IsTerminal, TimeSpan.FromMilliseconds(500), ct);
        }
    }

    private async Task SendStepsAsync(WalletSender wallet, IReadOnlyList<PaymentStep> steps, CancellationToken ct)
    {
        foreach (var step in steps)
        {
            await wallet.SendAsync(step, ct);
            Stats.PaymentSent();
        }
    }

    /// <summary>Waits on the order's pushes; every few seconds without one, reads the order instead (a late push changes nothing then).</summary>
    private static async Task<bool> WaitForAsync(
        CommerceClient client, OrderTrack track, Func<OrderTrack, bool> condition, DateTimeOffset deadline, CancellationToken ct)
    {
        while (true)
        {
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return condition(track);
            }

            if (await track.WaitUntilAsync(condition, left < PollEvery ? left : PollEvery, ct))
            {
                return true;
            }

            try
            {
                track.OnPolled((await client.GetOrderAsync(track.OrderId, ct)).Status);
            }
            catch (CommerceApiException e) when (e.Kind == CommerceErrorKind.NotFound || e.IsTransient)
            {
                // Not stored yet, or the platform is busy: the next slice tries again.
            }
        }
    }

    /// <summary>At the end: each order's state as the platform reports it, and every completed order's NFT owned on chain.</summary>
    private async Task<(IReadOnlyList<OrderOutcome> Orders, int Owned)> CheckOrdersAsync(CommerceClient client, CancellationToken ct)
    {
        List<PlacedOrder> placed;
        lock (_placed)
        {
            placed = [.. _placed];
        }

        if (ct.IsCancellationRequested)
        {
            // Stopped (Ctrl-C): report what the pushes said, without asking the platform.
            return ([.. placed.Select(o => new OrderOutcome(o.OrderId, o.ItemId, o.PaymentKind, o.Track.TerminalStates, null, 0, null, null, "cancelled"))], 0);
        }

        IReadOnlyList<OwnedNft>? owned = null;
        try
        {
            owned = client.IsSignedIn ? await client.GetOwnedNftsAsync(ct) : null;
        }
        catch (CommerceApiException e)
        {
            _note ??= "could not list owned NFTs: " + e.Message;
        }

        var outcomes = new List<OrderOutcome>(placed.Count);
        foreach (var order in placed)
        {
            string? final = null;
            var confirmed = 0;
            string? problem = null;
            try
            {
                var details = await client.GetOrderAsync(order.OrderId, ct);
                final = details.Status;
                confirmed = details.Payments.Count(p => p.Confirmed && !p.Reorged);
            }
            catch (CommerceApiException e)
            {
                problem = e.Message;
            }

            bool? onChain = null;
            if (order.Track.TerminalStates.Contains(OrderStatuses.Completed) && context.Eth is { } eth)
            {
                onChain = await OwnsOnChainAsync(eth, order.Quote, ct);
            }

            outcomes.Add(new OrderOutcome(order.OrderId, order.ItemId, order.PaymentKind, order.Track.TerminalStates, final, confirmed,
                onChain, owned?.Any(n => n.ItemId == order.ItemId), problem));
        }

        return (outcomes, owned?.Count ?? 0);
    }

    private void OnAirdrop(string payloadJson)
    {
        try
        {
            var airdrop = AirdropPush.Parse(payloadJson);
            Volatile.Write(ref _airdrop, airdrop);
            context.Airdrops?.OnDelivered(airdrop.Wallet);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            Stats.Error($"player {number}: unreadable AirdropDelivered push: {e.Message}");
        }
    }

    /// <summary>How many of the airdrop's tokens this player's wallet owns on chain (ownerOf, one call per token).</summary>
    private async Task<int> AirdropOwnedAsync(AirdropPush airdrop, CancellationToken ct)
    {
        if (context.Eth is not { } eth)
        {
            return 0;
        }

        var owned = 0;
        foreach (var tokenId in airdrop.TokenIds)
        {
            try
            {
                var item = new GameItemContract(eth, EthAddress.Parse(airdrop.Contract, "airdrop.contract"));
                var owner = await item.OwnerOfAsync(BigInteger.Parse(tokenId, NumberStyles.None, CultureInfo.InvariantCulture), ct);
                owned += owner == _signer.Key.Address ? 1 : 0;
            }
            catch (Exception e) when (e is ContractRevertException or Commerce.Chain.JsonRpc.JsonRpcException or FormatException or ArgumentException)
            {
                _note ??= $"airdrop token {tokenId}: {e.Message}";
            }
        }

        return owned;
    }

    private async Task<bool> OwnsOnChainAsync(Commerce.Chain.JsonRpc.EthClient eth, SignedQuote quote, CancellationToken ct)
    {
        try
        {
            var item = new GameItemContract(eth, EthAddress.Parse(quote.Collection, "quote.collection"));
            var owner = await item.OwnerOfAsync(BigInteger.Parse(quote.TokenId, NumberStyles.None, CultureInfo.InvariantCulture), ct);
            return owner == _signer.Key.Address;
        }
        catch (Exception e) when (e is ContractRevertException or Commerce.Chain.JsonRpc.JsonRpcException)
        {
            return false; // ownerOf reverts for a token that was never minted
        }
    }

    private sealed record PlacedOrder(string OrderId, string ItemId, string PaymentKind, SignedQuote Quote, OrderTrack Track, DateTimeOffset PlacedAt);
}
