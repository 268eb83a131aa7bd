using Commerce.Pricing.Live;
using Commerce.Pricing.Policy;
using Microsoft.Extensions.Options;

namespace Commerce.Host.Operators;

/// <summary>
/// Keeps this instance's pricing engine on the active policy version (<see cref="PolicyVersions"/>), read every
/// <see cref="Poll"/>. At start the configured policy (Pricing:PolicyFile, else the embedded default) is published when
/// its version is not stored yet (a deploy with a new file is a publish); a stored active version wins otherwise.
/// </summary>
public sealed partial class PolicyActivator(
    LivePricingEngine engine, PolicyVersions versions, IOptions<LivePricingOptions> options, ILogger<PolicyActivator> logger) : BackgroundService
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    public const string ConfigurationAuthor = "configuration";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configured = engine.Policy.Version;
        using var timer = new PeriodicTimer(Poll);
        var seeded = false;
        do
        {
            try
            {
                if (!seeded)
                {
                    if (await versions.GetAsync(configured, stoppingToken) is null)
                        await versions.PublishAsync(configured, ConfiguredJson(), ConfigurationAuthor, "the configured policy at a start", stoppingToken);
                    seeded = true;
                }
                await FollowAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Moves the engine onto the active version when it runs another one.</summary>
    public async Task FollowAsync(CancellationToken ct)
    {
        if (await versions.ActiveAsync(ct) is not { } active || active.Version == engine.Policy.Version)
            return;
        try
        {
            engine.UsePolicy(PolicyLoader.Load(active.Json));
            LogActivated(active.Version);
        }
        catch (PolicyValidationException e)
        {
            // Stored versions were validated when published; one that no longer loads (a newer engine) is not taken.
            LogInvalid(active.Version, e.Message);
        }
    }

    private string ConfiguredJson()
    {
        if (options.Value.ResolvedPolicyFile is { } file)
            return File.ReadAllText(file);
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream("Commerce.Pricing.policies.default.json")
            ?? throw new InvalidOperationException("The embedded default policy is missing from Commerce.Pricing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pricing now uses policy version {Version}")]
    private partial void LogActivated(string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pricing policy version {Version} is active but does not load: {Reason}; the engine keeps its policy")]
    private partial void LogInvalid(string version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Following the active pricing policy failed; tried again")]
    private partial void LogFailed(Exception e);
}
