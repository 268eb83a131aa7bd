using System.Globalization;

namespace Commerce.GameSimulator.Options;

/// <summary>Command-line settings of the game simulator.</summary>
public sealed record SimulatorOptions(
    Uri Url,
    int Players,
    int Interests,
    IReadOnlyList<string> Items,
    double BuyShare,
    double DefaultShare,
    int Installments,
    int Races,
    TimeSpan Timeout,
    int Concurrency,
    int? MarketplacePort = null,
    string? MarketplaceSecret = null,
    string? AuctionItem = null,
    Uri? CrmUrl = null,
    int AirdropCap = 0)
{
    public const string Usage =
        """
        Usage: Commerce.GameSimulator --url <http(s)://host:port> [--players N] [--interests M] [--items a,b,c]
                                      [--buy-share F] [--default-share F] [--installments K] [--races R]
                                      [--timeout SECONDS] [--concurrency C]
                                      [--marketplace-port P --marketplace-secret whsec_...] [--auction-item ID] [--crm-url URL]
                                      [--airdrop-cap N]

          --url            Commerce server root URL (required)
          --players        simulated players, each with its own fresh wallet (default 12)
          --interests      interests each player shows (default 3; a buyer's first one is the item it buys)
          --items          item ids to browse, "collection:tokenId" (default: the demo catalog, 30 items)
          --buy-share      share of players (not racing) that buy what they are offered, 0..1 (default 0.7)
          --default-share  share of installment buyers that deliberately stop paying, 0..1 (default 0.34)
          --installments   payments of an installment plan, 2..24 (default 2)
          --races          pairs of players racing for the same unique item (default 1; 0 for none)
          --timeout        seconds an order may take to reach its terminal state (default 150)
          --concurrency    players signing in at the same time (default 16)
          --marketplace-port, --marketplace-secret
                           also play a marketplace: receive the platform's signed item.sold callbacks on
                           http://127.0.0.1:P/callbacks/ and check them with this Standard Webhooks secret
          --auction-item   two more players race on this item's auction (the demo opens one on skins:10), sniping
                           each other in its last seconds; "none" for no race (default: none)
          --crm-url        the platform's local CRM (local mode): each player's account is added there with a
                           loyalty tier, and the player waits until its session shows that tier
          --airdrop-cap    the platform runs an airdrop campaign to every player who shows interest, capped at N
                           wallets (the demo's, one token each): players keep listening until min(N, players) have
                           been told of their airdrop, then each checks its tokens on chain (default 0: no check)
        """;

    /// <summary>The demo catalog (src/Host/catalog/demo.json): three collections of ten items.</summary>
    public static readonly IReadOnlyList<string> DemoItems =
        [.. new[] { "dragons", "blades", "skins" }.SelectMany(c => Enumerable.Range(1, 10).Select(t => $"{c}:{t}"))];

    /// <summary>Parses arguments; throws <see cref="ArgumentException"/> naming the option at fault.</summary>
    public static SimulatorOptions Parse(IReadOnlyList<string> args)
    {
        Uri? url = null;
        var players = 12;
        var interests = 3;
        var items = DemoItems;
        var buyShare = 0.7;
        var defaultShare = 0.34;
        var installments = 2;
        var races = 1;
        var timeout = TimeSpan.FromSeconds(150);
        var concurrency = 16;
        int? marketplacePort = null;
        string? marketplaceSecret = null;
        string? auctionItem = null;
        Uri? crmUrl = null;
        var airdropCap = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new ArgumentException($"{name} needs a value.", name);

            switch (name)
            {
                case "--url":
                    var text = Value();
                    if (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme != "http" && url.Scheme != "https"))
                    {
                        throw new ArgumentException($"--url must be an absolute http or https URL, got '{text}'.", name);
                    }

                    break;
                case "--players":
                    players = Int(name, Value(), 1, 100_000);
                    break;
                case "--interests":
                    interests = Int(name, Value(), 1, 10_000);
                    break;
                case "--items":
                    items = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var bad = items.FirstOrDefault(item => item.Split(':') is not [{ Length: > 0 }, { Length: > 0 }]);
                    if (items.Count == 0 || bad is not null)
                    {
                        throw new ArgumentException($"--items must list \"collection:tokenId\" ids separated by commas, got '{bad}'.", name);
                    }

                    break;
                case "--buy-share":
                    buyShare = Share(name, Value());
                    break;
                case "--default-share":
                    defaultShare = Share(name, Value());
                    break;
                case "--installments":
                    installments = Int(name, Value(), 2, 24);
                    break;
                case "--races":
                    races = Int(name, Value(), 0, 1_000);
                    break;
                case "--timeout":
                    timeout = TimeSpan.FromSeconds(Int(name, Value(), 1, 86_400));
                    break;
                case "--concurrency":
                    concurrency = Int(name, Value(), 1, 1_000);
                    break;
                case "--marketplace-port":
                    marketplacePort = Int(name, Value(), 1, 65_535);
                    break;
                case "--marketplace-secret":
                    marketplaceSecret = Value();
                    if (!Marketplace.DemoMarketplace.IsSecret(marketplaceSecret))
                        throw new ArgumentException("--marketplace-secret must be whsec_ followed by base64.", name);
                    break;
                case "--auction-item":
                    auctionItem = Value();
                    if (auctionItem == "none")
                        auctionItem = null;
                    else if (auctionItem.Split(':') is not [{ Length: > 0 }, { Length: > 0 }])
                        throw new ArgumentException($"--auction-item must be \"collection:tokenId\" or none, got '{auctionItem}'.", name);
                    break;
                case "--crm-url":
                    crmUrl = Uri.TryCreate(Value(), UriKind.Absolute, out var crm) && crm.Scheme is "http" or "https"
                        ? crm : throw new ArgumentException("--crm-url must be an absolute http(s) URL.", name);
                    break;
                case "--airdrop-cap":
                    airdropCap = Int(name, Value(), 0, 100_000);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{name}'.", name);
            }
        }

        if (races * 2 > players)
        {
            throw new ArgumentException($"--races {races} needs at least {races * 2} players (two per race), got --players {players}.", "--races");
        }

        if (marketplacePort.HasValue != (marketplaceSecret is not null))
        {
            throw new ArgumentException("--marketplace-port and --marketplace-secret go together.", marketplacePort.HasValue ? "--marketplace-secret" : "--marketplace-port");
        }

        return new SimulatorOptions(
            url ?? throw new ArgumentException("--url is required.", "--url"),
            players,
            interests,
            items,
            buyShare,
            defaultShare,
            installments,
            races,
            timeout,
            concurrency,
            marketplacePort,
            marketplaceSecret,
            auctionItem,
            crmUrl,
            airdropCap);
    }

    private static int Int(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}, got '{text}'.", name);

    private static double Share(string name, string text) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= 1
            ? value
            : throw new ArgumentException($"{name} must be a fraction from 0 to 1, got '{text}'.", name);
}
