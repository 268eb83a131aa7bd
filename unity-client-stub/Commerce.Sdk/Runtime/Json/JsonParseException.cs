using System;

namespace Commerce.Sdk
{
    /// <summary>The text is not valid JSON (RFC 8259). <see cref="Position"/> is the character offset at fault.</summary>
    public sealed class JsonParseException : FormatException
    {
        public JsonParseException(string message, int position)
            : base(message + " (at offset " + position + ")")
        {
            Position = position;
        }

        /// <summary>Zero-based character offset in the input where parsing failed.</summary>
        public int Position { get; }
    }
}
