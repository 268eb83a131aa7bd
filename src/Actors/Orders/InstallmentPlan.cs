using Orleans;

namespace Commerce.Actors.Orders;

/// <summary>
/// Where an installment plan stands, as the Checkout's confirmed logs told it (docs/ORDERS.md, "Installments").
/// <see cref="PaymentsMade"/> counts the down payment, so the installment due next is number <see cref="PaymentsMade"/>
/// (1..N-1, the contract's index); <see cref="NextDeadline"/> is its deadline in unix seconds of chain time (inclusive).
/// <see cref="DefaultAttempts"/> counts the declareDefault commands asked of the executor for that deadline.
/// </summary>
[GenerateSerializer, Immutable, Alias("commerce.state.InstallmentPlan")]
public sealed record InstallmentPlan(
    [property: Id(0)] int Installments,
    [property: Id(1)] int PaymentsMade,
    [property: Id(2)] long? NextDeadline,
    [property: Id(3)] long IntervalSeconds,
    [property: Id(4)] int DefaultAttempts,
    [property: Id(5)] string? DefaultCommandId);
