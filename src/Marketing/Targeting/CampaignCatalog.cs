using System.Text.Json;
using Commerce.Actors.Storage;
using Commerce.Marketing.Campaigns;
using Commerce.Marketing.Recipients;
using Commerce.Marketing.Serialization;

namespace Commerce.Marketing.Targeting;

/// <summary>Reads campaigns and their delivery logs as stored (the list page, the services that look for running campaigns).</summary>
public sealed class CampaignCatalog(IGrainStore store)
{
    private const int Page = 1000;

    public async Task<IReadOnlyList<CampaignState>> ListAsync(CancellationToken ct)
    {
        var result = new List<CampaignState>();
        string? after = null;
        while (true)
        {
            var page = await store.ScanStatesAsync(CampaignGrain.TypeName, "", after, Page, ct);
            result.AddRange(page.Select(s => JsonSerializer.Deserialize(s.Json, MarketingJsonContext.Default.CampaignState)!).Where(c => c.Version > 0));
            if (page.Count < Page)
                return result;
            after = page[^1].Key;
        }
    }

    /// <summary>One page of a campaign's recipients in wallet order, after <paramref name="afterWallet"/>.</summary>
    public async Task<IReadOnlyList<RecipientState>> RecipientsAsync(string campaignId, string? afterWallet, int max, CancellationToken ct)
    {
        var prefix = CampaignRecipientGrain.KeyOf(campaignId, "");
        var page = await store.ScanStatesAsync(CampaignRecipientGrain.TypeName, prefix, afterWallet is null ? null : prefix + afterWallet, max, ct);
        return [.. page.Select(s => JsonSerializer.Deserialize(s.Json, MarketingJsonContext.Default.RecipientState)!)];
    }
}
