using System;

namespace Commerce.Sdk
{
    /// <summary>
    /// Exponential backoff with bounded jitter: attempt n waits min·2^(n-1), spread by ±jitter and
    /// clamped to [min, max]. With jitter below 1/3 each delay is longer than the previous one until
    /// the cap is reached.
    /// </summary>
    public sealed class ReconnectBackoff
    {
        private readonly TimeSpan _min;
        private readonly TimeSpan _max;
        private readonly double _jitter;
        private readonly Func<double> _random;

        /// <param name="random">Uniform numbers in [0, 1); defaults to a per-instance generator.</param>
        public ReconnectBackoff(TimeSpan min, TimeSpan max, double jitter, Func<double>? random = null)
        {
            if (min <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(min), min, "min must be positive.");
            }

            if (max < min)
            {
                throw new ArgumentOutOfRangeException(nameof(max), max, "max must be at least min.");
            }

            if (double.IsNaN(jitter) || jitter < 0 || jitter >= 1)
            {
                throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "jitter must be in [0, 1).");
            }

            _min = min;
            _max = max;
            _jitter = jitter;
            if (random == null)
            {
                // Seeded apart: many clients started in the same tick must not retry in lockstep.
                var generator = new Random(Guid.NewGuid().GetHashCode());
                random = () =>
                {
                    lock (generator)
                    {
                        return generator.NextDouble();
                    }
                };
            }

            _random = random;
        }

        public TimeSpan Min => _min;

        public TimeSpan Max => _max;

        /// <summary>The delay before reconnect attempt <paramref name="attempt"/> (1 = the first retry).</summary>
        public TimeSpan DelayFor(int attempt)
        {
            if (attempt < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "attempt starts at 1.");
            }

            var exponent = Math.Min(attempt - 1, 62);
            var baseTicks = Math.Min(_max.Ticks, _min.Ticks * Math.Pow(2, exponent));
            var spread = 1 + (_jitter * ((2 * _random()) - 1));
            var ticks = Math.Max(_min.Ticks, Math.Min(_max.Ticks, baseTicks * spread));
            return TimeSpan.FromTicks((long)ticks);
        }
    }
}
