using Commerce.Sdk;

namespace Commerce.GameSimulator.Simulation;

/// <summary>
/// Pairs each interest a player sent with the "InterestRecorded" push that confirms it: by event
/// id when the payload carries one, else by item id. A push may arrive before the HTTP 202 that
/// announced its event id, so unclaimed pushes are kept until an interest claims them.
/// </summary>
public sealed class InterestMatcher
{
    public const string ConfirmingPushType = "InterestRecorded";

    private readonly object _gate = new();
    private readonly List<(string EventId, string ItemId)> _awaiting = [];
    private readonly List<(string? EventId, string? ItemId)> _unclaimed = [];
    private readonly TaskCompletionSource _allConfirmed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _sent;
    private int _confirmed;
    private bool _sealed;

    public int Sent => Volatile.Read(ref _sent);

    public int Confirmed => Volatile.Read(ref _confirmed);

    /// <summary>Completes once <see cref="Seal"/> was called and every sent interest is confirmed.</summary>
    public Task AllConfirmed => _allConfirmed.Task;

    /// <summary>Records a sent interest; returns true when a push that already arrived confirms it.</summary>
    public bool Expect(string eventId, string itemId)
    {
        lock (_gate)
        {
            _sent++;
            var byEvent = _unclaimed.FindIndex(p => p.EventId == eventId);
            var index = byEvent >= 0 ? byEvent : _unclaimed.FindIndex(p => p.EventId is null && p.ItemId == itemId);
            var confirmed = index >= 0;
            if (confirmed)
            {
                _unclaimed.RemoveAt(index);
                _confirmed++;
            }
            else
            {
                _awaiting.Add((eventId, itemId));
            }

            CompleteIfDone();
            return confirmed;
        }
    }

    /// <summary>Returns true when the push confirmed an interest.</summary>
    public bool OnPush(PushMessage push)
    {
        if (push.Type != ConfirmingPushType)
        {
            return false;
        }

        JsonValue payload;
        try
        {
            payload = push.ParsePayload();
        }
        catch (JsonParseException)
        {
            return false;
        }

        var eventId = payload.GetScalarTextOrDefault("eventId");
        var itemId = payload.GetStringOrDefault("itemId");
        lock (_gate)
        {
            var index = eventId is not null
                ? _awaiting.FindIndex(a => string.Equals(a.EventId, eventId, StringComparison.OrdinalIgnoreCase))
                : _awaiting.FindIndex(a => a.ItemId == itemId);
            if (index < 0)
            {
                _unclaimed.Add((eventId, itemId));
                return false;
            }

            _awaiting.RemoveAt(index);
            _confirmed++;
            CompleteIfDone();
            return true;
        }
    }

    /// <summary>No more interests will be sent.</summary>
    public void Seal()
    {
        lock (_gate)
        {
            _sealed = true;
            CompleteIfDone();
        }
    }

    private void CompleteIfDone()
    {
        if (_sealed && _awaiting.Count == 0)
        {
            _allConfirmed.TrySetResult();
        }
    }
}
