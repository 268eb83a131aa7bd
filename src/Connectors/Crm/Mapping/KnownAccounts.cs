namespace Commerce.Connectors.Crm.Mapping;

/// <summary>
/// The accounts seen last, bounded (the oldest entry is forgotten first): an UPDATE change event carries only the
/// fields that changed, so the rest comes from here; a record not here is read again from the REST API.
/// </summary>
public sealed class KnownAccounts(int capacity)
{
    private readonly Dictionary<string, CrmAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Count => _accounts.Count;

    public bool TryGet(string id, out CrmAccount account) => _accounts.TryGetValue(id, out account!);

    public void Put(CrmAccount account)
    {
        if (_accounts.TryAdd(account.Id, account))
        {
            _order.Enqueue(account.Id);
            while (_order.Count > capacity)
                _accounts.Remove(_order.Dequeue());
        }
        else
            _accounts[account.Id] = account;
    }

    public void Clear()
    {
        _accounts.Clear();
        _order.Clear();
    }
}
