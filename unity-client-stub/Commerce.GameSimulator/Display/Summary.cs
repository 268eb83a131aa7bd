using Commerce.GameSimulator.Marketplace;
using Commerce.GameSimulator.Options;
using Commerce.GameSimulator.Simulation;
using Commerce.Sdk;
using Spectre.Console;

namespace Commerce.GameSimulator.Display;

/// <summary>The end-of-run report: offers, orders by terminal state, payments, mints, confirmations, refunds, latencies, the verdict.</summary>
public static class Summary
{
    private const int MaxProblemsListed = 12;

    public static void Print(SimulatorOptions options, SimulationResult result, SimulationStats stats, TimeSpan elapsed, MarketplaceReport? marketplace = null)
    {
        var players = result.Players;
        var orders = players.SelectMany(p => p.Orders).ToList();
        int Ended(string state) => orders.Count(o => o.Terminal == state);
        var totals = new Table().Border(TableBorder.Simple).HideHeaders().AddColumns("", "");
        totals.AddRow("Players", $"{players.Count} ({players.Count(p => p.Role == Planning.PlayerRole.Buyer)} buyers, "
            + $"{players.Count(p => p.Role == Planning.PlayerRole.Racer)} racing, {players.Count(p => p.Role == Planning.PlayerRole.Browser)} browsing)");
        totals.AddRow("Interests", $"{players.Sum(p => p.InterestsSent)} sent, {players.Sum(p => p.InterestsConfirmed)} confirmed by a push");
        totals.AddRow("Offers received", players.Sum(p => p.OffersReceived).ToString());
        totals.AddRow("Orders", $"{orders.Count} placed: {Ended(OrderStatuses.Completed)} completed, {Ended(OrderStatuses.Refunded)} refunded, "
            + $"{Ended(OrderStatuses.Cancelled)} cancelled, {Ended(OrderStatuses.Defaulted)} defaulted, {orders.Count(o => o.Terminal is null)} without one terminal state");
        totals.AddRow("Payments sent", $"{stats.PaymentsSent} signed transactions ({stats.Reminders} installment reminders received, {stats.StoppedPaying} plans abandoned on purpose)");
        totals.AddRow("Mints", $"{Ended(OrderStatuses.Completed)} (completed orders), {orders.Count(o => o.OwnedOnChain == true)} owned by their buyer on chain");
        totals.AddRow("Confirmations", $"{orders.Sum(o => o.ConfirmedPayments)} payments confirmed at depth");
        totals.AddRow("Refunds", Ended(OrderStatuses.Refunded).ToString());
        totals.AddRow("Chat turns", stats.Chat.Turns == 0 ? "0" : $"{stats.Chat.Turns} ({Markup.Escape(stats.Chat.Describe())}); {stats.Chat.CitedYourPrice} answers cited the player's own offered price; "
            + $"{stats.Chat.OffersCitingIntent} offers priced with a chat intent (explanation: Intent); answer {Percentiles.Describe(stats.Chat.AnswerMs)}");
        totals.AddRow("Interest → offer", Percentiles.Describe(stats.InterestToOfferMs));
        totals.AddRow("Order → confirmed", Percentiles.Describe(stats.OrderToConfirmedMs));
        totals.AddRow("Owned NFTs listed", players.Sum(p => p.OwnedNfts).ToString());
        if (result.Airdrops is { } airdrops)
        {
            totals.AddRow("Airdrop campaign", $"{result.AirdropsDelivered} delivered (cap {airdrops.Cap}, {airdrops.Expected} expected), "
                + $"{players.Sum(p => p.AirdropOwned)} of {players.Sum(p => p.AirdropTokens)} NFTs owned on chain");
        }
        totals.AddRow("Push reconnects", stats.Reconnects.ToString());
        if (marketplace is not null)
        {
            totals.AddRow("Marketplace told", $"{marketplace.Received} signed item.sold callbacks verified: {marketplace.CompletedReported} of "
                + $"{marketplace.Completed} completed orders, {marketplace.Refused} bad signatures");
        }
        if (options.CrmUrl is not null)
        {
            totals.AddRow("CRM loyalty", $"{stats.LoyaltySeen} of {players.Count} players' sessions show the tier their CRM account was given");
        }

        totals.AddRow("Offers explained by", $"loyalty {stats.OffersCitingLoyalty}, marketplace floor {stats.OffersCitingFloor}, both {stats.OffersCitingLoyaltyAndFloor}");
        totals.AddRow("Elapsed", $"{elapsed.TotalSeconds:0.0} s");
        if (result.Chain is { } chain)
        {
            totals.AddRow("Chain", $"{chain.ChainId}, Checkout {chain.Checkout}");
        }

        AnsiConsole.Write(totals);
        if (result.Note is { } runNote)
        {
            AnsiConsole.MarkupLine($"[yellow]note:[/] {Markup.Escape(runNote)}");
        }

        var rows = players.Where(p => !p.Succeeded).Select(p => (p.Number, p.PlayerId, Why: p.Error ?? string.Join("; ",
                p.Orders.Where(o => !o.Valid).Select(o => $"{o.ItemId} ({o.PaymentKind}): {o.Verdict}"))))
            .Concat(players.Where(p => p.Succeeded && p.Note is not null).Select(p => (p.Number, p.PlayerId, Why: "note: " + p.Note!)))
            .ToList();
        if (rows.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Player", "Wallet", "What");
            foreach (var row in rows.Take(MaxProblemsListed))
            {
                table.AddRow(row.Number.ToString(), Markup.Escape(row.PlayerId ?? "-"), Markup.Escape(row.Why));
            }

            if (rows.Count > MaxProblemsListed)
            {
                table.Caption($"and {rows.Count - MaxProblemsListed} more");
            }

            AnsiConsole.Write(table);
        }

        var failed = players.Count(p => !p.Succeeded);
        if (marketplace is { Passed: false })
        {
            AnsiConsole.MarkupLine($"[red bold]FAIL[/]: the marketplace was told of {marketplace.CompletedReported} of {marketplace.Completed} completed orders "
                + $"({marketplace.Refused} callbacks with a bad signature).");
        }

        if (!result.AirdropsPassed)
        {
            AnsiConsole.MarkupLine($"[red bold]FAIL[/]: the airdrop campaign reached {result.AirdropsDelivered} wallets, not {result.Airdrops!.Expected} "
                + $"(cap {result.Airdrops.Cap}), or a token it told of is not its player's on chain.");
        }

        if (failed > 0)
        {
            AnsiConsole.MarkupLine($"[red bold]FAIL[/]: {failed} player(s) failed or have an order that did not end exactly once with its NFT delivered.");
        }
        else if (marketplace is not { Passed: false } && result.AirdropsPassed)
        {
            AnsiConsole.MarkupLine("[green bold]PASS[/]: every order ended in exactly one terminal state and every completed order's NFT is its buyer's on chain"
                + (marketplace is null ? "." : "; the marketplace was told of each, signed."));
        }
    }
}
