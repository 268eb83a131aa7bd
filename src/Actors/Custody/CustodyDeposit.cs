namespace Commerce.Actors.Custody;

/// <summary>A top-up transaction to the custody address: credited once <see cref="Confirmed"/>.</summary>
public sealed record CustodyDeposit(string TransactionHash, string Amount, long BlockNumber, string BlockHash, bool Confirmed, DateTimeOffset At);
