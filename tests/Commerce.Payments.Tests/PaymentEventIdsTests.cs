using Commerce.Payments.Watcher;

namespace Commerce.Payments.Tests;

public sealed class PaymentEventIdsTests
{
    private const string Tx = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string BlockA = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const string BlockB = "0x2222222222222222222222222222222222222222222222222222222222222222";

    [Fact]
    public void Same_observation_gets_the_same_id_whatever_the_hex_case()
    {
        Assert.Equal(PaymentEventIds.For(Tx, 3, ObservationStage.Confirmed, BlockA),
            PaymentEventIds.For(Tx.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), 3, ObservationStage.Confirmed, BlockA.ToUpperInvariant()));
    }

    [Fact]
    public void Stage_log_index_and_block_each_change_the_id()
    {
        var ids = new[]
        {
            PaymentEventIds.For(Tx, 3, ObservationStage.Observed, BlockA),
            PaymentEventIds.For(Tx, 3, ObservationStage.Confirmed, BlockA),
            PaymentEventIds.For(Tx, 3, ObservationStage.Reorged, BlockA),
            PaymentEventIds.For(Tx, 4, ObservationStage.Observed, BlockA),
            PaymentEventIds.For(Tx, 3, ObservationStage.Observed, BlockB),
        };
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Id_is_a_version_8_uuid()
    {
        var id = PaymentEventIds.For(Tx, 0, ObservationStage.Observed, BlockA);
        Assert.Equal(8, id.Version);
        Assert.Equal('8', id.ToString()[14]);
    }
}
