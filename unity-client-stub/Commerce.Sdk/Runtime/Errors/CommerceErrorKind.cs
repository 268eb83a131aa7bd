namespace Commerce.Sdk
{
    /// <summary>What went wrong with a call, so a game can react without parsing messages.</summary>
    public enum CommerceErrorKind
    {
        /// <summary>An HTTP status the SDK has no better name for.</summary>
        Unexpected,

        /// <summary>400 (or 422): the request named a bad field; see <see cref="CommerceApiException.Errors"/>.</summary>
        Validation,

        /// <summary>401: no token, or a bad or expired one. Sign in again.</summary>
        Unauthorized,

        /// <summary>403: acting as someone else.</summary>
        Forbidden,

        /// <summary>404: unknown resource (an item that is not listed).</summary>
        NotFound,

        /// <summary>409: the request conflicts with the current state.</summary>
        Conflict,

        /// <summary>413: the request body is too large.</summary>
        PayloadTooLarge,

        /// <summary>429: slow down.</summary>
        RateLimited,

        /// <summary>5xx: the server failed.</summary>
        Server,

        /// <summary>The server could not be reached, or the connection broke.</summary>
        Network,

        /// <summary>No answer within <see cref="CommerceClientOptions.RequestTimeout"/>.</summary>
        Timeout,

        /// <summary>The server answered 2xx with a body the SDK could not read.</summary>
        InvalidResponse,
    }
}
