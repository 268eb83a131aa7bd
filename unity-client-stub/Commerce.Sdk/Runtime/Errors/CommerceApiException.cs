using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Commerce.Sdk
{
    /// <summary>
    /// A failed call. Carries the HTTP status (null when the server was never reached) and the
    /// server's RFC 9457 ProblemDetails: title, detail, type and the per-field validation errors.
    /// </summary>
    public sealed class CommerceApiException : Exception
    {
        private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoErrors =
            new Dictionary<string, IReadOnlyList<string>>();

        public CommerceApiException(
            CommerceErrorKind kind,
            int? statusCode,
            string title,
            string? detail = null,
            string? problemType = null,
            IReadOnlyDictionary<string, IReadOnlyList<string>>? errors = null,
            Exception? innerException = null)
            : base(Describe(statusCode, title, detail, errors), innerException)
        {
            Kind = kind;
            StatusCode = statusCode;
            Title = title;
            Detail = detail;
            ProblemType = problemType;
            Errors = errors ?? NoErrors;
        }

        public CommerceErrorKind Kind { get; }

        /// <summary>The HTTP status, or null for network failures and timeouts.</summary>
        public int? StatusCode { get; }

        /// <summary>ProblemDetails <c>title</c> (or the HTTP reason when the body had none).</summary>
        public string Title { get; }

        /// <summary>ProblemDetails <c>detail</c>.</summary>
        public string? Detail { get; }

        /// <summary>ProblemDetails <c>type</c> (a URI reference).</summary>
        public string? ProblemType { get; }

        /// <summary>
        /// Field name to messages, from ProblemDetails <c>errors</c>. Lookups ignore case, because
        /// servers differ on "itemId" versus "ItemId". Empty when the server sent none.
        /// </summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> Errors { get; }

        /// <summary>True when retrying the same call later may succeed.</summary>
        public bool IsTransient =>
            Kind == CommerceErrorKind.Network || Kind == CommerceErrorKind.Timeout
            || Kind == CommerceErrorKind.Server || Kind == CommerceErrorKind.RateLimited;

        /// <summary>
        /// Builds the exception for a non-2xx response from its status and body, reading
        /// ProblemDetails when the body is one and falling back to the HTTP reason otherwise.
        /// </summary>
        public static CommerceApiException FromHttpResponse(int statusCode, string? body) =>
            ProblemDetailsReader.ToException(statusCode, body);

        /// <summary>Maps an HTTP status to the kind of error.</summary>
        public static CommerceErrorKind KindOf(int statusCode)
        {
            switch (statusCode)
            {
                case 400:
                case 422:
                    return CommerceErrorKind.Validation;
                case 401:
                    return CommerceErrorKind.Unauthorized;
                case 403:
                    return CommerceErrorKind.Forbidden;
                case 404:
                    return CommerceErrorKind.NotFound;
                case 409:
                    return CommerceErrorKind.Conflict;
                case 413:
                    return CommerceErrorKind.PayloadTooLarge;
                case 429:
                    return CommerceErrorKind.RateLimited;
                default:
                    return statusCode >= 500 && statusCode <= 599 ? CommerceErrorKind.Server : CommerceErrorKind.Unexpected;
            }
        }

        private static string Describe(
            int? statusCode,
            string title,
            string? detail,
            IReadOnlyDictionary<string, IReadOnlyList<string>>? errors)
        {
            var text = new StringBuilder();
            if (statusCode.HasValue)
            {
                text.Append(statusCode.Value).Append(' ');
            }

            text.Append(title);
            if (!string.IsNullOrEmpty(detail))
            {
                text.Append(": ").Append(detail);
            }

            if (errors != null && errors.Count > 0)
            {
                text.Append(" (")
                    .Append(string.Join("; ", errors.Select(e => e.Key + ": " + string.Join(", ", e.Value))))
                    .Append(')');
            }

            return text.ToString();
        }
    }
}
