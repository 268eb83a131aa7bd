using Commerce.Actors.Orders;

namespace Commerce.Actors.Tests.Harness;

/// <summary>
/// Two <see cref="GrainCluster"/>s for an order test class (its tests run one after another; each uses keys of its own):
/// <see cref="WithCheckout"/> has Orders:CheckoutAddress set (declareDefault and releaseItem are asked for, at most
/// two declareDefault per deadline); <see cref="WithoutCheckout"/> has none and reminds of installments 10 s ahead.
/// </summary>
public sealed class CheckoutClustersFixture : IAsyncLifetime
{
    public const string Checkout = "0xcccccccccccccccccccccccccccccccccccccccc";

    public static readonly TimeSpan ReminderLead = TimeSpan.FromSeconds(10);

    private GrainCluster? _with;
    private GrainCluster? _without;

    public GrainCluster WithCheckout => _with ?? throw new InvalidOperationException("the cluster is not started");

    public GrainCluster WithoutCheckout => _without ?? throw new InvalidOperationException("the cluster is not started");

    public async Task InitializeAsync()
    {
        var with = GrainCluster.StartAsync(GrainClusterFixture.T0, new OrderOptions { CheckoutAddress = Checkout, MaxDefaultAttempts = 2 });
        var without = GrainCluster.StartAsync(GrainClusterFixture.T0, new OrderOptions { InstallmentReminderLead = ReminderLead });
        try
        {
            await Task.WhenAll(with, without);
        }
        finally
        {
            _with = with.IsCompletedSuccessfully ? with.Result : null;
            _without = without.IsCompletedSuccessfully ? without.Result : null;
        }
    }

    public async Task DisposeAsync()
    {
        if (_with is not null)
            await _with.DisposeAsync();
        if (_without is not null)
            await _without.DisposeAsync();
    }
}
