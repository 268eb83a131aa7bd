using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Refit;

namespace Commerce.Connectors.Http;

/// <summary>
/// The connectors' typed REST clients: Refit over IHttpClientFactory with System.Text.Json, and a resilience handler
/// in the factory's pipeline (Microsoft.Extensions.Http.Resilience, on Polly): retries of connection failures,
/// timeouts, 408, 429 and 5xx with exponential backoff and jitter, or after the server's Retry-After; a timeout
/// per attempt. The handler takes its clock from the container's TimeProvider, so tests can drive the waits.
/// </summary>
public static class ConnectorHttp
{
    public static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));

    /// <param name="outer">Handlers that wrap the resilience handler (a wait for a rate-limit window must not count against an attempt's timeout).</param>
    public static IHttpClientBuilder AddConnectorClient<T>(this IServiceCollection services, string name, TimeSpan attemptTimeout, int maxRetries,
        Action<IHttpClientBuilder>? outer = null)
        where T : class
    {
        // Refit's generated client over a named factory client (AddRefitClient would want Refit's reflection builder,
        // which is not served here): RestService.For takes the client the factory built, handlers and all.
        var builder = services.AddHttpClient(name)
            .ConfigureHttpClient(c =>
            {
                c.BaseAddress = BaseAddressHandler.Placeholder;
                c.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout below
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        builder.AddTypedClient(client => RestService.For<T>(client, Settings));
        outer?.Invoke(builder);
        builder.AddResilienceHandler(name, (pipeline, context) =>
        {
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            if (maxRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = maxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(500),
                    MaxDelay = TimeSpan.FromSeconds(60),
                    ShouldRetryAfterHeader = true,
                });
            }
            pipeline.AddTimeout(attemptTimeout);
        });
        return builder;
    }
}
