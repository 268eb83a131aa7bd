using System;

namespace Commerce.Sdk
{
    /// <summary>Tolerant field reads shared by the models: first present name wins, wrong kinds read as absent.</summary>
    internal static class JsonFields
    {
        public static string? FirstString(JsonValue json, params string[] names)
        {
            foreach (var name in names)
            {
                var value = json.GetScalarTextOrDefault(name);
                if (value != null)
                {
                    return value;
                }
            }

            return null;
        }

        public static decimal? FirstDecimal(JsonValue json, params string[] names)
        {
            foreach (var name in names)
            {
                var value = json.GetDecimalOrNull(name);
                if (value.HasValue)
                {
                    return value;
                }
            }

            return null;
        }

        public static DateTimeOffset? FirstTimestamp(JsonValue json, params string[] names)
        {
            foreach (var name in names)
            {
                var value = json.GetTimestampOrNull(name);
                if (value.HasValue)
                {
                    return value;
                }
            }

            return null;
        }

        public static string Required(JsonValue json, string name, string what)
        {
            var value = json.GetStringOrDefault(name);
            if (string.IsNullOrEmpty(value))
            {
                throw new CommerceApiException(
                    CommerceErrorKind.InvalidResponse,
                    200,
                    "Invalid response",
                    "The " + what + " response has no \"" + name + "\" string.");
            }

            return value!;
        }
    }
}
