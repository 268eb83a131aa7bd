using System.Text.Json;
using Commerce.Actors.PlayerSession;
using Commerce.Actors.Serialization;
using Commerce.Marketing.Rules;
using Commerce.Marketing.Targeting;

namespace Commerce.Marketing.Tests;

/// <summary>
/// The backfill reads each stored session's JSON straight into the rule's variables (PlayerFactsReader, only the
/// variables a rule names): it must give what the session object gives, for every variable and shape of session.
/// </summary>
public sealed class PlayerFactsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Sessions => new() { "full", "new", "never-seen", "orders-only" };

    [Theory]
    [MemberData(nameof(Sessions))]
    public void The_stored_json_gives_the_same_variables_as_the_session(string shape)
    {
        var state = Session(shape);
        var json = JsonSerializer.Serialize(state, GrainJsonContext.Default.PlayerSessionState);

        var fromState = PlayerContext.Of(state, Now);
        var fromJson = PlayerScan.ContextOf(json, Now, VariableSet.All);

        Assert.Equal(fromState.Wallet, fromJson.Wallet);
        foreach (var variable in RuleVariables.All)
            Assert.Equal(Canonical(fromState[variable.Name]), Canonical(fromJson[variable.Name]));
    }

    [Fact]
    public void A_context_for_one_rule_carries_only_the_variables_it_reads_and_matches_as_the_full_one()
    {
        var rule = new RuleCompiler().Check("tier == 'gold' && interestCollections.exists(c, c == 'dragons') && inactiveDays < 30.0").Rule!;
        var json = JsonSerializer.Serialize(Session("full"), GrainJsonContext.Default.PlayerSessionState);

        var lean = PlayerScan.ContextOf(json, Now, rule.Reads);

        Assert.Equal(["inactiveDays", "interestCollections", "tier"],
            RuleVariables.All.Select(v => v.Name).Where(n => lean[n] is not null).Order(StringComparer.Ordinal));
        Assert.Null(lean["interests"]);
        Assert.True(rule.Matches(lean));
        Assert.True(rule.Matches(PlayerScan.ContextOf(json, Now, VariableSet.All)));
    }

    [Fact]
    public void A_live_record_is_laid_over_once_however_often_it_is_seen()
    {
        var facts = PlayerFacts.From(Session("full"));
        var at = Now.AddMinutes(-1);
        var records = new Commerce.Events.IEvent[]
        {
            new Commerce.Events.Player.InterestShown(facts.PlayerId, "blades:3", 12, "game"),
            new Commerce.Events.Player.ChatIntentDetected(facts.PlayerId, null, "negotiate", 0.1, 0.9),
            new Commerce.Events.Player.LoyaltyUpdated(facts.PlayerId, "platinum", 5000m),
        };

        var once = records.Aggregate(facts, (f, r) => LiveContextOverlay.Apply(f, r, at));
        var twice = records.Aggregate(once, (f, r) => LiveContextOverlay.Apply(f, r, at));

        var context = PlayerContext.Of(twice, Now, VariableSet.All);
        Assert.Equal(("platinum", 5000.0, 58.5, Math.Round(1.0 / 1440, 6)), ((string)context["tier"]!, (double)context["lifetimeValue"]!, (double)context["dwellSeconds"]!,
            Math.Round((double)context["inactiveDays"]!, 6)));
        Assert.Equal(["blades:3", "dragons:1", "swords:7", "dragons:4"], ((List<object?>)context["interests"]!).Cast<string>());
        Assert.Equal(1L, ((Dictionary<string, object?>)context["intentCounts"]!)["negotiate"]);
        Assert.Equal(Canonical(PlayerContext.Of(once, Now, VariableSet.All)["intentCounts"]), Canonical(context["intentCounts"]));
    }

    private static PlayerSessionState Session(string shape) => shape switch
    {
        "full" => new PlayerSessionState("0xAAAA000000000000000000000000000000000001", "0xaaaa000000000000000000000000000000000001", "gold", 1250.5m,
            [new ItemInterest("dragons:1", 2, 40, Now.AddDays(-30), Now.AddDays(-2)), new ItemInterest("swords:7", 1, 5.5, Now.AddDays(-10), Now.AddDays(-10)),
             new ItemInterest("dragons:4", 1, 1, Now.AddDays(-3), Now.AddDays(-3))],
            4,
            [new ChatIntent("dragons:1", "ask_price", 0.5, Now.AddDays(-3)), new ChatIntent("dragons:1", "ask_price", 0.2, Now.AddDays(-40)),
             new ChatIntent(null, "hesitate", -0.1, Now.AddDays(-5))],
            [new OfferSummary("offer-1", "dragons:1", "100", "ETH", Now.AddDays(1))],
            [new OrderSummary("o1", "dragons:1", "completed", Now.AddDays(-20), "paid"), new OrderSummary("o3", "swords:8", "cancelled", Now.AddDays(-8))],
            7, Now.AddDays(-2), [new PlayerBid("skins:10", "demo", "bid-1", 5m, "ETH", Now.AddDays(-1))], ["n1"]),
        "new" => PlayerSessionState.New("0xbbbb000000000000000000000000000000000002"),
        "never-seen" => PlayerSessionState.New("0xcccc000000000000000000000000000000000003") with { LoyaltyTier = "silver", LifetimeValue = 10m },
        _ => PlayerSessionState.New("0xdddd000000000000000000000000000000000004") with
        {
            Orders = [new OrderSummary("o9", "blades:2", "completed", Now.AddDays(-12))],
        },
    };

    /// <summary>Lists and maps compared by content (JSON text in their order), scalars as they are.</summary>
    private static string Canonical(object? value) => value switch
    {
        null => "null",
        IDictionary<string, object?> map => JsonSerializer.Serialize(map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
        IEnumerable<object?> list => JsonSerializer.Serialize(list.Select(v => v?.ToString())),
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => $"{value.GetType().Name}:{value}",
    };
}
