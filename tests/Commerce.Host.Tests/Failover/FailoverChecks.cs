using System.Net;
using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Actors.PlayerSession;
using Commerce.Testing;

namespace Commerce.Host.Tests.Failover;

/// <summary>What the failover test checks and waits for, each with a message that says what was expected.</summary>
internal static class FailoverChecks
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    /// <summary>Every interest of <paramref name="stream"/> applied once: per player (and one push each), per item, in total.</summary>
    public static void AssertAppliedOnce(
        InterestStream stream, Dictionary<string, PlayerSessionState> players, Dictionary<string, NftItemState> items)
    {
        var counted = stream.PerPlayer.Keys.ToDictionary(p => p, p => players.TryGetValue(p, out var s) ? s.InterestCount : 0);
        var wrongPlayers = stream.PerPlayer.Where(p => counted[p.Key] != p.Value)
            .Select(p => $"{p.Key}: {counted[p.Key]} applied of {p.Value}").ToList();
        Assert.True(wrongPlayers.Count == 0,
            $"every player's interests applied once; {wrongPlayers.Count} differ: {string.Join("; ", wrongPlayers.Take(10))}");
        var pushes = stream.PerPlayer.Keys.Where(p => players[p].PushSeq != players[p].InterestCount)
            .Select(p => $"{p}: {players[p].PushSeq} pushes for {players[p].InterestCount} interests").ToList();
        Assert.True(pushes.Count == 0, $"one push per interest; {string.Join("; ", pushes.Take(10))}");
        var wrongItems = stream.PerItem.Where(i => (items.TryGetValue(i.Key, out var s) ? s.InterestTotal : 0) != i.Value)
            .Select(i => $"{i.Key}: {(items.TryGetValue(i.Key, out var s) ? s.InterestTotal : 0)} counted of {i.Value}").ToList();
        Assert.True(wrongItems.Count == 0,
            $"every item's interests counted once; {wrongItems.Count} differ: {string.Join("; ", wrongItems.Take(10))}");
        Assert.Equal(stream.Published, players.Where(p => stream.PerPlayer.ContainsKey(p.Key)).Sum(p => p.Value.InterestCount));
    }

    /// <summary>Every grain of <paramref name="grainType"/> the dead host ran (those the test kept sending to) now runs on the survivor.</summary>
    public static void AssertTakenOver(IReadOnlyDictionary<string, HashSet<string>> onDoomed, IReadOnlyDictionary<string, HashSet<string>> onSurvivor,
        string grainType, Func<string, bool> stillUsed)
    {
        var moved = onDoomed.GetValueOrDefault(grainType, []).Where(stillUsed).ToList();
        var missing = moved.Where(k => !onSurvivor.GetValueOrDefault(grainType, []).Contains(k)).ToList();
        Assert.True(missing.Count == 0, $"the {grainType} grains of the dead host should run on the survivor; " +
            $"{missing.Count} of {moved.Count} do not: {string.Join(", ", missing.Take(10))}");
    }

    /// <summary>Waits until the seed catalog's listings of <paramref name="itemIds"/> are stored.</summary>
    public static async Task WaitListedAsync(StoredGrains stored, IEnumerable<string> itemIds)
    {
        var wanted = itemIds.ToList();
        var missing = wanted;
        await Eventually.Until(async () =>
        {
            var items = await stored.ItemsAsync();
            missing = wanted.Where(i => !(items.TryGetValue(i, out var s) && s.Listed)).ToList();
            return missing.Count == 0;
        }, Deadline, () => $"the seed catalog listed; not yet: {string.Join(", ", missing)}");
    }

    /// <summary>Waits until every stored order satisfies <paramref name="condition"/>; <paramref name="expected"/> says what was waited for.</summary>
    public static async Task WaitForOrdersAsync(
        StoredGrains stored, IReadOnlyList<FailoverOrder> orders, Func<OrderState, bool> condition, string expected, params ClusterHost[] hosts)
    {
        var last = "";
        await Eventually.Until(async () =>
        {
            var states = await stored.OrdersAsync();
            var behind = orders.Where(o => !(states.TryGetValue(o.Id, out var s) && condition(s)))
                .Select(o => $"{o.Id}: {(states.TryGetValue(o.Id, out var s) ? s.Status : "nothing stored")}").ToList();
            last = string.Join("; ", behind);
            return behind.Count == 0;
        }, Deadline, () => $"every order {expected}; not yet: {last}\n{string.Join('\n', hosts.Select(h => h.Log))}");
    }

    /// <summary>Waits until GET /api/me/orders/{id} on <paramref name="host"/> shows each order in its expected terminal state.</summary>
    public static async Task WaitForOrdersOnAsync(ClusterHost host, IReadOnlyList<FailoverOrder> orders)
    {
        var clients = orders.ToDictionary(o => o.Id, o => o.ClientOf(host.BaseUrl));
        var seen = orders.ToDictionary(o => o.Id, _ => "nothing");
        try
        {
            await Eventually.Until(async () =>
            {
                foreach (var order in orders.Where(o => seen[o.Id] != o.ExpectedStatus))
                {
                    using var response = await clients[order.Id].GetAsync($"/api/me/orders/{order.Id}");
                    seen[order.Id] = response.StatusCode == HttpStatusCode.OK
                        ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString()!
                        : $"HTTP {(int)response.StatusCode}";
                    if (OrderStatus.IsTerminal(seen[order.Id]) && seen[order.Id] != order.ExpectedStatus)
                        Assert.Fail($"order {order.Id} ended {seen[order.Id]}, expected {order.ExpectedStatus}");
                }
                return orders.All(o => seen[o.Id] == o.ExpectedStatus);
            }, Deadline, () => $"every order ended as expected on the {host.Name} host: " +
                $"{string.Join("; ", orders.Select(o => $"{o.Id} {seen[o.Id]} (expected {o.ExpectedStatus})"))}\n{host.Log}");
        }
        finally
        {
            foreach (var client in clients.Values)
                client.Dispose();
        }
    }
}
