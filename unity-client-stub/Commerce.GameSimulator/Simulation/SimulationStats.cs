using System.Collections.Concurrent;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Simulation;

/// <summary>Live counters across all simulated players (read by the progress table and the summary).</summary>
public sealed class SimulationStats
{
    private readonly ConcurrentQueue<double> _interestToOfferMs = new();
    private readonly ConcurrentQueue<double> _orderToConfirmedMs = new();
    private int _signedIn;
    private int _funded;
    private int _interestsSent;
    private int _interestsConfirmed;
    private int _pushesReceived;
    private int _offersReceived;
    private int _ordersPlaced;
    private int _paymentsSent;
    private int _completed;
    private int _cancelled;
    private int _defaulted;
    private int _refunded;
    private int _stoppedPaying;
    private int _reminders;
    private int _reconnects;
    private int _errors;
    private int _playersDone;
    private string? _lastError;

    public int SignedIn => Volatile.Read(ref _signedIn);

    public int Funded => Volatile.Read(ref _funded);

    public int InterestsSent => Volatile.Read(ref _interestsSent);

    public int InterestsConfirmed => Volatile.Read(ref _interestsConfirmed);

    public int PushesReceived => Volatile.Read(ref _pushesReceived);

    public int OffersReceived => Volatile.Read(ref _offersReceived);

    public int OrdersPlaced => Volatile.Read(ref _ordersPlaced);

    public int PaymentsSent => Volatile.Read(ref _paymentsSent);

    public int Completed => Volatile.Read(ref _completed);

    public int Cancelled => Volatile.Read(ref _cancelled);

    public int Defaulted => Volatile.Read(ref _defaulted);

    public int Refunded => Volatile.Read(ref _refunded);

    /// <summary>Orders that reached a terminal state.</summary>
    public int Ended => Completed + Cancelled + Defaulted + Refunded;

    public int StoppedPaying => Volatile.Read(ref _stoppedPaying);

    public int Reminders => Volatile.Read(ref _reminders);

    public int Reconnects => Volatile.Read(ref _reconnects);

    public int Errors => Volatile.Read(ref _errors);

    public int PlayersDone => Volatile.Read(ref _playersDone);

    public string? LastError => Volatile.Read(ref _lastError);

    public ChatStats Chat { get; } = new();

    public IReadOnlyList<double> InterestToOfferMs => [.. _interestToOfferMs];

    public IReadOnlyList<double> OrderToConfirmedMs => [.. _orderToConfirmedMs];

    public void PlayerSignedIn() => Interlocked.Increment(ref _signedIn);

    public void PlayerFunded() => Interlocked.Increment(ref _funded);

    public void InterestSent() => Interlocked.Increment(ref _interestsSent);

    public void InterestConfirmed() => Interlocked.Increment(ref _interestsConfirmed);

    public void PushReceived() => Interlocked.Increment(ref _pushesReceived);

    private int _loyaltySeen;
    private int _offersCitingLoyalty;
    private int _offersCitingFloor;
    private int _offersCitingBoth;

    /// <summary>Players whose session showed the loyalty tier their CRM account was given.</summary>
    public int LoyaltySeen => Volatile.Read(ref _loyaltySeen);

    public int OffersCitingLoyalty => Volatile.Read(ref _offersCitingLoyalty);

    public int OffersCitingFloor => Volatile.Read(ref _offersCitingFloor);

    public int OffersCitingLoyaltyAndFloor => Volatile.Read(ref _offersCitingBoth);

    public void LoyaltyShown() => Interlocked.Increment(ref _loyaltySeen);

    public void OfferCites(bool loyalty, bool floor)
    {
        if (loyalty)
            Interlocked.Increment(ref _offersCitingLoyalty);
        if (floor)
            Interlocked.Increment(ref _offersCitingFloor);
        if (loyalty && floor)
            Interlocked.Increment(ref _offersCitingBoth);
    }

    public void OfferReceived(TimeSpan? sinceInterest)
    {
        Interlocked.Increment(ref _offersReceived);
        if (sinceInterest is { } latency)
        {
            _interestToOfferMs.Enqueue(latency.TotalMilliseconds);
        }
    }

    public void OrderPlaced() => Interlocked.Increment(ref _ordersPlaced);

    public void PaymentSent() => Interlocked.Increment(ref _paymentsSent);

    public void ReminderReceived() => Interlocked.Increment(ref _reminders);

    public void PlanAbandoned() => Interlocked.Increment(ref _stoppedPaying);

    /// <summary>An order's first terminal state, with the time from placing it when it completed.</summary>
    public void OrderEnded(string status, TimeSpan? sincePlaced)
    {
        switch (status)
        {
            case OrderStatuses.Completed:
                Interlocked.Increment(ref _completed);
                if (sincePlaced is { } latency)
                {
                    _orderToConfirmedMs.Enqueue(latency.TotalMilliseconds);
                }

                break;
            case OrderStatuses.Cancelled:
                Interlocked.Increment(ref _cancelled);
                break;
            case OrderStatuses.Defaulted:
                Interlocked.Increment(ref _defaulted);
                break;
            case OrderStatuses.Refunded:
                Interlocked.Increment(ref _refunded);
                break;
        }
    }

    public void Reconnected() => Interlocked.Increment(ref _reconnects);

    public void PlayerDone() => Interlocked.Increment(ref _playersDone);

    public void Error(string message)
    {
        Interlocked.Increment(ref _errors);
        Volatile.Write(ref _lastError, message);
    }
}
