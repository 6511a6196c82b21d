using System;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>
    /// Backoff jitter from System.Random, which the ESP32 nanoCLR backs with the hardware RNG
    /// (esp_random; the seed is ignored), so devices booting together do not retry in lockstep.
    /// </summary>
    public sealed class Esp32Random : IRandomSource
    {
        private readonly Random _random = new Random();

        /// <inheritdoc />
        public int Next(int maxExclusive) => maxExclusive <= 0 ? 0 : _random.Next(maxExclusive);
    }
}
