using System.Globalization;
using System.Text.Json;
using Commerce.Connectors.Crm.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Commerce.Connectors.Crm.Local;

/// <summary>
/// The local CRM over HTTP, in the shapes of the real service: the OAuth 2.0 token endpoint (client credentials),
/// the REST query resource with nextRecordsUrl paging, sobjects create and update, and the Streaming API's CometD
/// endpoint with the replay extension. Expired tokens answer 401 INVALID_SESSION_ID; queued faults answer first.
/// </summary>
public static class LocalCrmApi
{
    public static void Map(IEndpointRouteBuilder app, LocalCrm crm)
    {
        app.MapPost("/services/oauth2/token", (HttpContext http, CancellationToken _) => Guarded(http, crm, LocalCrmEndpoint.Token, false, async () =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (form["grant_type"] != "client_credentials")
                return Json(400, """{"error":"unsupported_grant_type","error_description":"grant type not supported"}""");
            var token = crm.Tokens.Issue(form["client_id"], form["client_secret"]);
            if (token is null)
                return Json(400, """{"error":"invalid_client","error_description":"invalid client credentials"}""");
            var self = $"{http.Request.Scheme}://{http.Request.Host}";
            return Results.Json(new Dictionary<string, string>
            {
                ["access_token"] = token,
                ["instance_url"] = self,
                ["id"] = $"{self}/id/00DLOCAL000000000AAA/005LOCAL000000000AAA",
                ["token_type"] = "Bearer",
                ["issued_at"] = crm.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                ["scope"] = "api",
            });
        }));

        app.MapGet("/services/data/v{version}/query", (HttpContext http, string q) =>
            Guarded(http, crm, LocalCrmEndpoint.Query, true, () => Task.FromResult(Page(crm, crm.Query(q, BatchSize(http)), "MALFORMED_QUERY", "unsupported query"))));

        app.MapGet("/services/data/v{version}/query/{locator}", (HttpContext http, string locator) =>
            Guarded(http, crm, LocalCrmEndpoint.Query, true, () => Task.FromResult(Page(crm, crm.Next(locator, BatchSize(http)), "INVALID_QUERY_LOCATOR", "invalid query locator"))));

        app.MapPost("/services/data/v{version}/sobjects/{entity}", (HttpContext http, string entity) => Guarded(http, crm, LocalCrmEndpoint.Records, true, async () =>
        {
            if (entity != crm.Options.Entity)
                return Json(404, """[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""");
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var o = crm.Options;
            var root = body.RootElement;
            var id = crm.Create(Text(root, "Name") ?? "Player", Text(root, o.WalletField), Text(root, o.TierField),
                root.TryGetProperty(o.LifetimeValueField, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null);
            return Results.Json(new { id, success = true, errors = Array.Empty<string>() }, statusCode: 201);
        }));

        app.MapMethods("/services/data/v{version}/sobjects/{entity}/{id}", ["PATCH"], (HttpContext http, string entity, string id) => Guarded(http, crm, LocalCrmEndpoint.Records, true, async () =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var o = crm.Options;
            var root = body.RootElement;
            var ok = entity == o.Entity && crm.Update([id], Text(root, o.TierField),
                root.TryGetProperty(o.LifetimeValueField, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null, Text(root, o.WalletField));
            return ok ? Results.NoContent() : Json(404, """[{"message":"The requested resource does not exist","errorCode":"NOT_FOUND"}]""");
        }));

        app.MapPost("/cometd/{version}", (HttpContext http, CancellationToken _) => Guarded(http, crm, LocalCrmEndpoint.Streaming, true, () => LocalStreamingEndpoint.HandleAsync(http, crm)));
    }

    private static async Task<IResult> Guarded(HttpContext http, LocalCrm crm, LocalCrmEndpoint endpoint, bool authorized, Func<Task<IResult>> answer)
    {
        if (crm.Faults.Next(endpoint) is { } fault)
        {
            if (fault.Delay is { } delay)
                await Task.Delay(delay, http.RequestAborted);
            if (fault.Status != 0)
            {
                if (fault.RetryAfter is { } after)
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                crm.Faults.CountAnswer(fault.Status);
                return Json(fault.Status, fault.Body ?? $$"""[{"message":"fault {{fault.Status}}","errorCode":"REQUEST_LIMIT_EXCEEDED"}]""");
            }
        }
        if (authorized)
        {
            var header = http.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !crm.Tokens.IsValid(header["Bearer ".Length..]))
            {
                crm.Faults.CountAnswer(401);
                return Json(401, $$"""[{"message":"Session expired or invalid","errorCode":"{{SalesforceAuthHandler.InvalidSession}}"}]""");
            }
        }
        crm.Faults.CountAnswer(200);
        return await answer();
    }

    private static IResult Page(LocalCrm crm, (IReadOnlyList<LocalAccount> Rows, string? Next)? page, string errorCode, string message)
    {
        if (page is not { } p)
            return Json(400, $$"""[{"message":"{{message}}","errorCode":"{{errorCode}}"}]""");
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("totalSize", p.Rows.Count);
            w.WriteBoolean("done", p.Next is null);
            if (p.Next is not null)
                w.WriteString("nextRecordsUrl", p.Next);
            w.WriteStartArray("records");
            foreach (var row in p.Rows)
                crm.Writer.Row(w, row);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Results.Bytes(buffer.ToArray(), "application/json");
    }

    private static int BatchSize(HttpContext http)
    {
        var options = http.Request.Headers["Sforce-Query-Options"].ToString();
        var at = options.IndexOf("batchSize=", StringComparison.Ordinal);
        return at >= 0 && int.TryParse(options[(at + 10)..].Split(',')[0], out var size) ? Math.Clamp(size, 200, 2_000) : 2_000;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    internal static IResult Json(int status, string body) => Results.Text(body, "application/json", statusCode: status);
}
