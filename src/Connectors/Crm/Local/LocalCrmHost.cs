using Commerce.Connectors.Crm.Configuration;
using Commerce.Connectors.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Commerce.Connectors.Crm.Local;

/// <summary>
/// Local mode: seeds the local CRM from its file, serves it on a loopback port (telling <see cref="CrmEndpoints"/>
/// where), then makes the seed's scripted changes one every Crm:Local:ChangeInterval. Started before the connector.
/// </summary>
public sealed class LocalCrmHost(LocalCrm crm, CrmEndpoints endpoints, IOptions<CrmOptions> options, TimeProvider clock) : BackgroundService
{
    /// <summary>The seed shipped with the platform, next to the assemblies.</summary>
    public static string DefaultSeedFile => Path.Combine(AppContext.BaseDirectory, "Crm", "Local", "seed", "crm-seed.json");

    private LocalServer? _server;
    private LocalCrmSeed _seed = LocalCrmSeed.Empty;
    private IReadOnlyList<string> _ids = [];

    public Uri? Address => _server?.Address;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var local = options.Value.Local;
        var path = string.IsNullOrEmpty(local.SeedFile) ? DefaultSeedFile : local.SeedFile;
        _seed = File.Exists(path) ? LocalCrmSeed.Load(path) : LocalCrmSeed.Empty;
        _ids = crm.Seed(_seed.Accounts);
        _server = await LocalServer.StartAsync(local.Port, app => LocalCrmApi.Map(app, crm), cancellationToken);
        endpoints.Set((_server.Address, _server.Address));
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var change in _seed.Changes)
        {
            try
            {
                await Task.Delay(options.Value.Local.ChangeInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var ids = change.Accounts.Where(i => i >= 0 && i < _ids.Count).Select(i => _ids[i]).ToArray();
            switch (change.Type)
            {
                case "UPDATE": crm.Update(ids, change.Tier, change.LifetimeValue); break;
                case "DELETE": crm.Delete(ids); break;
                case "UNDELETE": crm.Delete(ids, undelete: true); break;
                case "GAP_OVERFLOW": crm.Gap(ids, "OVERFLOW", change.Tier, change.LifetimeValue); break;
                case var gap when gap.StartsWith("GAP_", StringComparison.Ordinal): crm.Gap(ids, gap[4..], change.Tier, change.LifetimeValue); break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_server is not null)
            await _server.DisposeAsync();
    }
}
