using Commerce.Actors.Custody;
using Commerce.Events.Chain;
using Microsoft.Extensions.Configuration;

namespace Commerce.Execution.Policy;

/// <summary>
/// The allow-list entry for the custody account grains of this instance's own configuration, added when
/// <c>Custody:CommandKey</c> is set and <c>Execution:Policy</c> names no "custody" requester of its own: requester
/// "custody" with that key; kind withdraw: a plain transfer (no call data) to any address, at most
/// <c>Custody:MaxWithdrawalWei</c> (the grain's own per-withdrawal limit) per command.
/// </summary>
public static class CustodyCommandPolicy
{
    public static void Apply(CommandPolicyOptions policy, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration[$"{CustodyOptions.Section}:{nameof(CustodyOptions.CommandKey)}"];
        if (string.IsNullOrWhiteSpace(key) || policy.Requesters.ContainsKey(ChainCommandKinds.CustodyRequester))
            return;
        policy.Requesters[ChainCommandKinds.CustodyRequester] = key;
        var cap = configuration[$"{CustodyOptions.Section}:{nameof(CustodyOptions.MaxWithdrawalWei)}"];
        policy.Kinds.TryAdd(ChainCommandKinds.Withdraw, new KindRule
        {
            Requesters = [ChainCommandKinds.CustodyRequester],
            AnyAddress = true,
            Selectors = [KindRule.NoData],
            MaxValueWei = string.IsNullOrWhiteSpace(cap) ? new CustodyOptions().MaxWithdrawalWei : cap,
        });
    }
}
