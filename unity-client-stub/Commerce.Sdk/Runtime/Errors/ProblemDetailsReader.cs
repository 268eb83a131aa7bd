using System;
using System.Collections.Generic;

namespace Commerce.Sdk
{
    /// <summary>Turns a non-2xx HTTP response into a <see cref="CommerceApiException"/>.</summary>
    internal static class ProblemDetailsReader
    {
        private const int MaxDetailFromPlainBody = 200;

        public static CommerceApiException ToException(int statusCode, string? body)
        {
            var kind = CommerceApiException.KindOf(statusCode);
            var fallbackTitle = ReasonPhrase(statusCode);
            if (!JsonReader.TryParse(body, out var json) || json.Kind != JsonKind.Object)
            {
                // Not ProblemDetails (a proxy's HTML page, an empty 413 from the web server...).
                var trimmed = body?.Trim();
                var detail = string.IsNullOrEmpty(trimmed)
                    ? null
                    : trimmed!.Length > MaxDetailFromPlainBody ? trimmed.Substring(0, MaxDetailFromPlainBody) + "..." : trimmed;
                return new CommerceApiException(kind, statusCode, fallbackTitle, detail);
            }

            return new CommerceApiException(
                kind,
                statusCode,
                json.GetStringOrDefault("title") ?? fallbackTitle,
                json.GetStringOrDefault("detail"),
                json.GetStringOrDefault("type"),
                ReadErrors(json["errors"]));
        }

        private static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadErrors(JsonValue errors)
        {
            var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var field in errors.Properties)
            {
                var messages = new List<string>();
                if (field.Value.Kind == JsonKind.String)
                {
                    messages.Add(field.Value.GetString()); // tolerate a single message instead of a list
                }
                else
                {
                    foreach (var message in field.Value.Items)
                    {
                        if (message.Kind == JsonKind.String)
                        {
                            messages.Add(message.GetString());
                        }
                    }
                }

                result[field.Key] = messages;
            }

            return result;
        }

        private static string ReasonPhrase(int statusCode)
        {
            switch (statusCode)
            {
                case 400: return "Bad Request";
                case 401: return "Unauthorized";
                case 403: return "Forbidden";
                case 404: return "Not Found";
                case 409: return "Conflict";
                case 413: return "Payload Too Large";
                case 422: return "Unprocessable Content";
                case 429: return "Too Many Requests";
                case 500: return "Internal Server Error";
                case 502: return "Bad Gateway";
                case 503: return "Service Unavailable";
                case 504: return "Gateway Timeout";
                default: return "HTTP " + statusCode;
            }
        }
    }
}
