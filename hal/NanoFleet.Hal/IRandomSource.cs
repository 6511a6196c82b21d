namespace NanoFleet.Hal
{
    /// <summary>Randomness for backoff jitter (the ESP32's hardware RNG on a device).</summary>
    public interface IRandomSource
    {
        /// <summary>Returns a uniformly distributed integer in [0, <paramref name="maxExclusive"/>).</summary>
        int Next(int maxExclusive);
    }
}
