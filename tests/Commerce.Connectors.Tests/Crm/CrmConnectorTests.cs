using Commerce.Connectors.Crm;
using Commerce.Connectors.Crm.Local;
using Commerce.Connectors.Tests.Support;
using Commerce.Events.Player;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Connectors.Tests.Crm;

/// <summary>The CRM connector against the local CRM over HTTP: backfill, change events, tokens, faults, restarts.</summary>
public sealed class CrmConnectorTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Backfill_follows_nextRecordsUrl_until_done_and_publishes_each_player_once()
    {
        await using var world = await CrmWorld.StartAsync();
        world.Crm.Seed(Enumerable.Range(1, 450).Select(i => new LocalSeedAccount($"p{i}", CrmWorld.Wallet(i), "Silver", i)));
        world.Crm.Seed([new LocalSeedAccount("no wallet", null, "Gold", 5)]);
        await using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;

        await Eventually.Until(() => counters.Published >= 450, Deadline, () => $"450 loyalty records, {counters.Published} so far");
        var loyalty = world.Loyalty();
        Assert.Equal(450, loyalty.Count);
        Assert.Equal(450, loyalty.Select(e => e.Key).Distinct().Count());
        Assert.Equal(450, loyalty.Select(e => e.Id).Distinct().Count());
        Assert.Equal(new LoyaltyUpdated(CrmWorld.Wallet(7), "Silver", 7m), world.LatestFor(CrmWorld.Wallet(7)));
        Assert.True(world.Crm.Faults.Requests(LocalCrmEndpoint.Query) >= 3, "450 rows in pages of 200 take three requests");
        await host.StopAsync();
    }

    [Fact]
    public async Task Change_events_update_loyalty_and_a_gap_or_an_overflow_reads_the_records_again()
    {
        await using var world = await CrmWorld.StartAsync();
        var ids = world.Crm.Seed(Enumerable.Range(1, 4).Select(i => new LocalSeedAccount($"p{i}", CrmWorld.Wallet(i), "Bronze", 10)));
        await using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;
        await Eventually.Until(() => counters.Published >= 4, Deadline, "the backfill of 4 players");

        world.Crm.Update([ids[0], ids[1]], tier: "Gold");                 // one event, two records
        world.Crm.Update([ids[2]], lifetimeValue: 1234.5m);                // only the value changes: the tier comes from what is known
        world.Crm.Gap([ids[3]], "UPDATE", tier: "Platinum");               // no fields: read again
        await Eventually.Until(() => counters.Published >= 8, Deadline, () => $"8 loyalty records, {counters.Published} so far");

        Assert.Equal(new LoyaltyUpdated(CrmWorld.Wallet(1), "Gold", 10m), world.LatestFor(CrmWorld.Wallet(1)));
        Assert.Equal(new LoyaltyUpdated(CrmWorld.Wallet(2), "Gold", 10m), world.LatestFor(CrmWorld.Wallet(2)));
        Assert.Equal(new LoyaltyUpdated(CrmWorld.Wallet(3), "Bronze", 1234.5m), world.LatestFor(CrmWorld.Wallet(3)));
        Assert.Equal(new LoyaltyUpdated(CrmWorld.Wallet(4), "Platinum", 10m), world.LatestFor(CrmWorld.Wallet(4)));

        var before = world.Crm.Faults.Requests(LocalCrmEndpoint.Query);
        world.Crm.Gap([ids[0]], "OVERFLOW", tier: "Silver");               // "001*": every record read again
        world.Crm.Delete([ids[1]]);
        await Eventually.Until(() => counters.Published >= 10, Deadline, () => $"10 loyalty records, {counters.Published} so far");
        Assert.True(world.Crm.Faults.Requests(LocalCrmEndpoint.Query) > before, "an overflow reads the records again");
        Assert.Equal(new LoyaltyUpdated(CrmWorld.Wallet(1), "Silver", 10m), world.LatestFor(CrmWorld.Wallet(1)));
        Assert.Equal(new LoyaltyUpdated(CrmWorld.Wallet(2), "None", 0m), world.LatestFor(CrmWorld.Wallet(2)));
        Assert.Equal(10, world.Loyalty().Count); // the overflow's unchanged records were published before: nothing twice
        await host.StopAsync();
    }

    [Fact]
    public async Task An_expired_token_is_replaced_once_and_the_call_sent_again()
    {
        await using var world = await CrmWorld.StartAsync();
        var ids = world.Crm.Seed([new LocalSeedAccount("p1", CrmWorld.Wallet(1), "Bronze", 1)]);
        await using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;
        await Eventually.Until(() => counters.Published >= 1, Deadline, "the backfill");
        Assert.Equal(1, world.Crm.Tokens.Issued);

        world.Crm.Tokens.ExpireAll();
        world.Crm.Update([ids[0]], tier: "Gold");
        await Eventually.Until(() => counters.Published >= 2, Deadline, "the update published with a new token");
        Assert.Equal(2, world.Crm.Tokens.Issued);
        Assert.True(world.Crm.Faults.Answered(401) >= 1, "the expired token was refused");
        Assert.Equal(0, counters.Restarts);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_on_the_clock()
    {
        await using var world = await CrmWorld.StartAsync();
        world.Crm.Seed([new LocalSeedAccount("p1", CrmWorld.Wallet(1), "Bronze", 1)]);
        world.Crm.Faults.Enqueue(LocalCrmEndpoint.Query, new LocalCrmFault(429, TimeSpan.FromSeconds(30)));
        var clock = new WatchedFakeClock(DateTimeOffset.UtcNow);
        await using var host = world.Connector(clock);
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;

        await Eventually.Until(() => world.Crm.Faults.Answered(429) == 1, Deadline, "the query refused with 429");
        await Eventually.Until(() => clock.TimersStarted.Any(due => due >= TimeSpan.FromSeconds(29)), Deadline,
            "the client waiting out the Retry-After on the clock");
        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, world.Crm.Faults.Requests(LocalCrmEndpoint.Query)); // not before Retry-After
        Assert.Equal(0, counters.Published);
        clock.Advance(TimeSpan.FromSeconds(2));
        await Eventually.Until(() => counters.Published >= 1, Deadline, "the query sent again after 30 s of the clock");
        Assert.Equal(2, world.Crm.Faults.Requests(LocalCrmEndpoint.Query));
        await host.StopAsync();
    }

    [Fact]
    public async Task Server_errors_and_timeouts_are_retried_without_losing_or_repeating_a_record()
    {
        await using var world = await CrmWorld.StartAsync();
        var ids = world.Crm.Seed(Enumerable.Range(1, 3).Select(i => new LocalSeedAccount($"p{i}", CrmWorld.Wallet(i), "Bronze", 1)));
        world.Crm.Faults.Enqueue(LocalCrmEndpoint.Query, new LocalCrmFault(503), times: 2);
        world.Crm.Faults.Enqueue(LocalCrmEndpoint.Streaming, new LocalCrmFault(Delay: TimeSpan.FromSeconds(30))); // the handshake hangs
        await using var host = world.Connector(settings: new Dictionary<string, string?> { ["Crm:LongPollTimeout"] = "00:00:02" });
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;
        await Eventually.Until(() => counters.Published >= 3, Deadline, "the backfill after two 503s");

        world.Crm.Update([ids[1]], tier: "Gold");
        await Eventually.Until(() => counters.Published >= 4, Deadline, "the update after a timed-out handshake");
        Assert.Equal(2, world.Crm.Faults.Answered(503));
        Assert.Equal(4, world.Loyalty().Select(e => e.Id).Distinct().Count());
        Assert.Equal(4, world.Loyalty().Count);
        await host.StopAsync();
    }

    [Fact]
    public async Task Malformed_change_events_and_rows_are_dead_lettered_with_their_reason_and_the_stream_goes_on()
    {
        await using var world = await CrmWorld.StartAsync();
        var ids = world.Crm.Seed([new LocalSeedAccount("p1", CrmWorld.Wallet(1), "Bronze", 1), new LocalSeedAccount("bad", "0xnot-a-wallet", "Gold", 1)]);
        await using var host = world.Connector();
        await host.StartAsync();
        var counters = host.Services.GetRequiredService<CrmConnector>().Counters;
        await Eventually.Until(() => counters.Published >= 1 && counters.DeadLettered >= 1, Deadline, "the good row published and the bad one dead-lettered");

        var channel = world.CrmOptions.ChangeChannel;
        world.Crm.AppendRaw(r => Delivery(channel, r, """{"Name":"no header"}"""));
        var header = "{\"entityName\":\"Account\",\"recordIds\":[\"" + ids[0] + "\"],\"changeType\":\"UPDATE\",\"transactionKey\":\"t1\",\"sequenceNumber\":1,"
            + "\"commitTimestamp\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + ",\"changedFields\":[\"Loyalty_Tier__c\"]}";
        world.Crm.AppendRaw(r => Delivery(channel, r, "{\"ChangeEventHeader\":" + header + ",\"Loyalty_Tier__c\":\"Diamond\"}"));
        world.Crm.Update([ids[0]], tier: "Gold");
        await Eventually.Until(() => counters.Published >= 2 && counters.DeadLettered >= 3, Deadline, () => $"3 dead letters and 2 records, {counters.DeadLettered} and {counters.Published}");

        var letters = world.DeadLetters();
        Assert.Equal(3, letters.Count);
        Assert.Contains(letters, l => l.Error.Contains("Wallet_Address__c", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Error.Contains("ChangeEventHeader", StringComparison.Ordinal));
        Assert.Contains(letters, l => l.Error.Contains("Loyalty_Tier__c", StringComparison.Ordinal));
        Assert.All(letters, l => Assert.Equal("connectors.crm", l.ConsumerGroup));
        Assert.Contains(letters, l => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(l.OriginalValueBase64)).Contains("Diamond", StringComparison.Ordinal));
        Assert.Equal(new LoyaltyUpdated(CrmWorld.Wallet(1), "Gold", 1m), world.LatestFor(CrmWorld.Wallet(1)));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_restart_resumes_from_the_stored_replay_id_and_publishes_nothing_twice()
    {
        await using var world = await CrmWorld.StartAsync();
        var ids = world.Crm.Seed(Enumerable.Range(1, 5).Select(i => new LocalSeedAccount($"p{i}", CrmWorld.Wallet(i), "Bronze", i)));
        await using (var first = world.Connector())
        {
            await first.StartAsync();
            var counters = first.Services.GetRequiredService<CrmConnector>().Counters;
            world.Crm.Update([ids[0]], tier: "Silver");
            world.Crm.Update([ids[1]], tier: "Gold");
            await Eventually.Until(() => counters.Published >= 7, Deadline, () => $"7 records before the stop, {counters.Published} so far");
            await first.StopAsync();
        }
        var backfills = world.Crm.FullQueries;

        world.Crm.Update([ids[2]], tier: "Platinum"); // while the connector is down
        await using var second = world.Connector();
        await second.StartAsync();
        var again = second.Services.GetRequiredService<CrmConnector>().Counters;
        await Eventually.Until(() => again.Published >= 1, Deadline, "the change made while stopped");
        world.Crm.Update([ids[3]], tier: "Silver");
        await Eventually.Until(() => again.Published >= 2, Deadline, "a change after the restart");

        var loyalty = world.Loyalty();
        Assert.Equal(9, loyalty.Count);
        Assert.Equal(9, loyalty.Select(e => e.Id).Distinct().Count());
        Assert.Equal(1, backfills);
        Assert.Equal(backfills, world.Crm.FullQueries); // resumed from the replay id: no backfill again
        Assert.Equal(new LoyaltyUpdated(CrmWorld.Wallet(3), "Platinum", 3m), world.LatestFor(CrmWorld.Wallet(3)));
        await second.StopAsync();
    }

    private static string Delivery(string channel, long replayId, string payload) =>
        "{\"channel\":\"" + channel + "\",\"data\":{\"payload\":" + payload + ",\"event\":{\"replayId\":" + replayId + "}}}";
}
