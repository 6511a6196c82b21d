namespace NanoFleet.Hal
{
    /// <summary>Who this device is, from hardware.</summary>
    public interface IDeviceIdentity
    {
        /// <summary>The station MAC as 12 lower-case hex digits, e.g. "a4cf12003456".</summary>
        string MacAddress { get; }
    }
}
