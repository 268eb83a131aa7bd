using Commerce.Host.Api;

namespace Commerce.Host.Onchain;

/// <summary>The answer to a payoff: the steps to send, nothing left to pay, or why the order cannot be paid off.</summary>
public abstract record PayoffPlan
{
    private PayoffPlan() { }

    /// <summary>The remainder is due: the wallet sends <see cref="Instructions"/>.</summary>
    public sealed record Due(PaymentInstructions Instructions) : PayoffPlan;

    /// <summary>The plan is already paid in full (a repeat after the payoff): no steps.</summary>
    public sealed record Done(PaymentInstructions Instructions) : PayoffPlan;

    /// <summary>Not an active plan, late, or no Checkout: <see cref="Reason"/> says which.</summary>
    public sealed record Refused(string Reason) : PayoffPlan;
}
