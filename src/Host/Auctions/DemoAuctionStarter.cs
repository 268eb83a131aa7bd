using Commerce.Actors.Auctions;
using Commerce.Actors.NftItem;
using Commerce.Events.Auctions;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Auctions;

/// <summary>Opens the demo's auction (<see cref="DemoAuctionOptions"/>) as marketing would, once the seed catalog listed its item.</summary>
public sealed partial class DemoAuctionStarter(IOptions<DemoAuctionOptions> options, IGrainFactory grains, ILogger<DemoAuctionStarter> logger) : BackgroundService
{
    public const string AuctionId = "demo";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (string.IsNullOrEmpty(demo.ItemId))
            return;
        var opened = new AuctionOpened(demo.ItemId, AuctionId, demo.Reserve, AuctionRules.DefaultIncrementPercent, TimeSpan.FromSeconds(demo.DurationSeconds),
            TimeSpan.FromSeconds(demo.ExtensionSeconds), TimeSpan.FromSeconds(demo.PaymentWindowSeconds), "demo");
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        for (var attempt = 0; attempt < 600 && await timer.WaitForNextTickAsync(stoppingToken); attempt++)
        {
            try
            {
                var answer = (await grains.GetGrain<INftItemGrain>(demo.ItemId).OpenAuctionAsync(opened)).Events.Single().Payload;
                if (answer is AuctionOpened)
                {
                    await grains.GetGrain<IAuctionDirectoryGrain>(AuctionDirectoryGrain.Everything).TrackAsync(opened);
                    LogOpened(demo.ItemId);
                    return;
                }
                // Not listed yet: the seed catalog is on its way through Kafka.
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                // The silo is still starting.
            }
        }
        LogNotOpened(demo.ItemId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo auction opened on {ItemId}")]
    private partial void LogOpened(string itemId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo auction on {ItemId} could not be opened within 5 minutes")]
    private partial void LogNotOpened(string itemId);
}
