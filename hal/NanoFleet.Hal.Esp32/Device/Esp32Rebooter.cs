using nanoFramework.Runtime.Native;

namespace NanoFleet.Hal.Esp32
{
    /// <summary>Hard-resets the chip so it boots onto freshly persisted credentials.</summary>
    public sealed class Esp32Rebooter : IRebooter
    {
        // Power.OnRebootEvent handlers (the application's) get this long before the reset.
        private const int HandlerGraceMilliseconds = 2000;

        /// <inheritdoc />
        public void Reboot() => Power.RebootDevice(HandlerGraceMilliseconds);
    }
}
