namespace Commerce.Events.Custody;

/// <summary>
/// Plain ETH sent by <see cref="Wallet"/> to the custody address (a top-up of its custodial balance), as the
/// deposit watcher saw it: first when its block is seen, again with <see cref="Confirmed"/> once the block is
/// deep enough, or with <see cref="Reorged"/> if the block left the chain before that. Amount in wei (decimal).
/// Key: the wallet (lowercase).
/// </summary>
public sealed record DepositObserved(
    string Wallet,
    string Custody,
    string Amount,
    string TransactionHash,
    long BlockNumber,
    string BlockHash,
    bool Confirmed,
    bool Reorged) : IEvent;
