using Commerce.Connectors.Tests.Support;
using Commerce.Connectors.Webhooks.Dedupe;

namespace Commerce.Connectors.Tests.Webhooks;

public sealed class InMemoryWebhookIdStoreTests
{
    private readonly ManualClock _clock = ManualClock.AtUnixSeconds(1_700_000_000);

    [Fact]
    public async Task A_processed_id_is_a_duplicate_until_its_retention_ends()
    {
        var store = Store(retention: TimeSpan.FromHours(1));
        Assert.Equal(WebhookIdClaim.Claimed, await store.TryClaimAsync("opensea", "msg_1"));
        await store.CompleteAsync("opensea", "msg_1");

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(WebhookIdClaim.Duplicate, await store.TryClaimAsync("opensea", "msg_1"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(WebhookIdClaim.Claimed, await store.TryClaimAsync("opensea", "msg_1"));
    }

    [Fact]
    public async Task Ids_are_remembered_per_source()
    {
        var store = Store();
        await store.TryClaimAsync("opensea", "msg_1");
        await store.CompleteAsync("opensea", "msg_1");

        Assert.Equal(WebhookIdClaim.Claimed, await store.TryClaimAsync("blur", "msg_1"));
    }

    [Fact]
    public async Task A_released_claim_lets_the_next_delivery_process_the_message()
    {
        var store = Store();
        await store.TryClaimAsync("opensea", "msg_1");

        await store.ReleaseAsync("opensea", "msg_1");

        Assert.Equal(WebhookIdClaim.Claimed, await store.TryClaimAsync("opensea", "msg_1"));
    }

    [Fact]
    public async Task A_claim_in_progress_is_reported_until_it_times_out()
    {
        var store = Store(claimTimeout: TimeSpan.FromSeconds(30));
        await store.TryClaimAsync("opensea", "msg_1");

        Assert.Equal(WebhookIdClaim.InProgress, await store.TryClaimAsync("opensea", "msg_1"));
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(WebhookIdClaim.Claimed, await store.TryClaimAsync("opensea", "msg_1"));
    }

    [Fact]
    public async Task Releasing_a_processed_id_does_not_forget_it()
    {
        var store = Store();
        await store.TryClaimAsync("opensea", "msg_1");
        await store.CompleteAsync("opensea", "msg_1");

        await store.ReleaseAsync("opensea", "msg_1");

        Assert.Equal(WebhookIdClaim.Duplicate, await store.TryClaimAsync("opensea", "msg_1"));
    }

    [Fact]
    public async Task The_store_never_holds_more_than_its_capacity_and_forgets_the_oldest_first()
    {
        const int capacity = 100;
        var store = Store(capacity: capacity);

        for (var i = 0; i < 10 * capacity; i++)
        {
            Assert.Equal(WebhookIdClaim.Claimed, await store.TryClaimAsync("opensea", $"msg_{i}"));
            await store.CompleteAsync("opensea", $"msg_{i}");
            Assert.True(store.Count <= capacity, $"at most {capacity} ids held, found {store.Count} after {i + 1}");
        }

        Assert.Equal(capacity, store.Count);
        for (var i = 10 * capacity - capacity; i < 10 * capacity; i++)
            Assert.Equal(WebhookIdClaim.Duplicate, await store.TryClaimAsync("opensea", $"msg_{i}"));
        Assert.Equal(WebhookIdClaim.Claimed, await store.TryClaimAsync("opensea", "msg_0"));
        Assert.Equal(capacity, store.Count);
    }

    [Fact]
    public async Task Expired_ids_make_room_before_live_ones_are_evicted()
    {
        var store = Store(capacity: 3, retention: TimeSpan.FromMinutes(10));
        await Process(store, "old");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await Process(store, "a");
        await Process(store, "b");
        _clock.Advance(TimeSpan.FromMinutes(6));

        await Process(store, "c");

        Assert.Equal(3, store.Count);
        Assert.Equal(WebhookIdClaim.Duplicate, await store.TryClaimAsync("s", "a"));
        Assert.Equal(WebhookIdClaim.Duplicate, await store.TryClaimAsync("s", "b"));
        Assert.Equal(WebhookIdClaim.Duplicate, await store.TryClaimAsync("s", "c"));
    }

    private async Task Process(InMemoryWebhookIdStore store, string id)
    {
        Assert.Equal(WebhookIdClaim.Claimed, await store.TryClaimAsync("s", id));
        await store.CompleteAsync("s", id);
    }

    private InMemoryWebhookIdStore Store(int capacity = 1000, TimeSpan? retention = null, TimeSpan? claimTimeout = null) => new(
        new WebhookDedupeOptions
        {
            Capacity = capacity,
            Retention = retention ?? TimeSpan.FromHours(24),
            ClaimTimeout = claimTimeout ?? TimeSpan.FromMinutes(1),
        },
        _clock);
}
