namespace Commerce.GameSimulator.Simulation;

/// <summary>Live counters across all simulated players (read by the progress table).</summary>
public sealed class SimulationStats
{
    private int _signedIn;
    private int _interestsSent;
    private int _interestsConfirmed;
    private int _pushesReceived;
    private int _reconnects;
    private int _errors;
    private int _playersDone;
    private string? _lastError;

    public int SignedIn => Volatile.Read(ref _signedIn);

    public int InterestsSent => Volatile.Read(ref _interestsSent);

    public int InterestsConfirmed => Volatile.Read(ref _interestsConfirmed);

    public int PushesReceived => Volatile.Read(ref _pushesReceived);

    public int Reconnects => Volatile.Read(ref _reconnects);

    public int Errors => Volatile.Read(ref _errors);

    public int PlayersDone => Volatile.Read(ref _playersDone);

    public string? LastError => Volatile.Read(ref _lastError);

    public void PlayerSignedIn() => Interlocked.Increment(ref _signedIn);

    public void InterestSent() => Interlocked.Increment(ref _interestsSent);

    public void InterestConfirmed() => Interlocked.Increment(ref _interestsConfirmed);

    public void PushReceived() => Interlocked.Increment(ref _pushesReceived);

    public void Reconnected() => Interlocked.Increment(ref _reconnects);

    public void PlayerDone() => Interlocked.Increment(ref _playersDone);

    public void Error(string message)
    {
        Interlocked.Increment(ref _errors);
        Volatile.Write(ref _lastError, message);
    }
}
