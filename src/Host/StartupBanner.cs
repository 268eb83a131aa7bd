namespace Commerce.Host;

/// <summary>What <c>commerce serve</c> and <c>commerce demo</c> print once up: where to reach it; an admin token only for the demo.</summary>
public static class StartupBanner
{
    public static IReadOnlyList<string> Lines(IReadOnlyList<string> urls, string kafkaBootstrap, string? demoAdminToken)
    {
        var first = urls.FirstOrDefault();
        List<string> lines =
        [
            $"Commerce is up at {string.Join(", ", urls)}",
            $"Kafka bootstrap: {kafkaBootstrap} (kcat -b {kafkaBootstrap} -L)",
            $"OpenAPI: {first}/openapi/v1.json",
        ];
        if (demoAdminToken is not null)
        {
            lines.Add($"Admin token (demo): {demoAdminToken}");
            lines.Add($"Orleans Dashboard: {first}/dashboard-login (with the admin token)");
            lines.Add($"Marketing console (signs in): {first}/marketing/sign-in#token={demoAdminToken}");
        }
        else
        {
            lines.Add($"Orleans Dashboard: {first}/dashboard-login (with a token from: commerce admin-token)");
            lines.Add($"Marketing console: {first}/marketing/sign-in (with a token from: commerce admin-token --role marketing)");
        }
        return lines;
    }
}
