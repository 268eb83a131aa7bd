namespace Commerce.Benchmarks.Orders;

/// <summary>The moments one order went through, on the benchmark's clock (null: not reached).</summary>
internal sealed class OrderRun(string orderId, BenchPlayer player)
{
    public string OrderId { get; } = orderId;

    public BenchPlayer Player { get; } = player;

    public TimeSpan? Placed { get; set; }

    public TimeSpan? Accepted { get; set; }

    public TimeSpan? Reserved { get; set; }

    public TimeSpan? Sent { get; set; }

    public string? TransactionHash { get; set; }

    public TimeSpan? Completed { get; set; }

    public string? Failure { get; set; }
}
