using Commerce.Actors.Runtime;
using Commerce.Marketing.Campaigns;
using Commerce.Marketing.Rules;
using Commerce.Marketing.Serialization;
using Commerce.Marketing.Targeting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Commerce.Marketing;

public static class MarketingServiceCollectionExtensions
{
    /// <summary>
    /// Campaigns in this silo: their grains' state JSON, the rule compiler, the catalog and preview, and the services
    /// that deliver (the backfill, the live stream's targeting, the executor's words on batches), from section "Marketing".
    /// </summary>
    public static IServiceCollection AddMarketing(this IServiceCollection services, IConfiguration configuration, bool deliver = true)
    {
        services.AddOptions<CampaignOptions>().Bind(configuration.GetSection(CampaignOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddCampaignGrains();
        services.AddSingleton<CampaignCatalog>();
        services.AddSingleton<PlayerScan>();
        services.AddSingleton<MatchingPlayers>();
        services.AddSingleton<RunningCampaigns>();
        if (deliver)
        {
            services.AddHostedService<CampaignBackfill>();
            services.AddHostedService<LiveTargeting>();
            services.AddHostedService<CampaignTransactions>();
        }
        return services;
    }

    /// <summary>What the campaign grains need in a silo (also the test clusters'): their state JSON, the rule compiler, the validator.</summary>
    public static IServiceCollection AddCampaignGrains(this IServiceCollection services)
    {
        services.AddSingleton(new GrainStateJson(MarketingJsonContext.Default));
        services.AddSingleton<RuleCompiler>();
        services.AddSingleton<CampaignValidator>();
        services.AddOptions<CampaignOptions>();
        return services;
    }
}
