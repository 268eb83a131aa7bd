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

    /// <summary>Pinned: ids computed by an earlier version must stay the same, or a redelivery after an upgrade would not dedupe.</summary>
    [Theory]
    [InlineData(ObservationStage.Observed, 0, "e6034620-0ded-881e-9826-a35d2d2ecaad")]
    [InlineData(ObservationStage.Confirmed, 3, "aef58eca-f27f-8f26-821a-177c9d3ad379")]
    [InlineData(ObservationStage.Reorged, 7, "805ff63b-13fb-842d-bccd-cb3eb99a5a99")]
    public void Id_is_sha256_of_tx_log_index_stage_and_block_hash(ObservationStage stage, int logIndex, string expected) =>
        Assert.Equal(Guid.Parse(expected), PaymentEventIds.For(Tx, logIndex, stage, BlockA));

    [Fact]
    public void Id_is_a_version_8_uuid()
    {
        var id = PaymentEventIds.For(Tx, 0, ObservationStage.Observed, BlockA);
        Assert.Equal(8, id.Version);
        Assert.Equal('8', id.ToString()[14]);
    }
}
