namespace NanoFleet.Hal.Esp32
{
    /// <summary>The claim UART as an <see cref="ISerialLine"/> (see <see cref="NativeUart"/> for the port and pins).</summary>
    public sealed class Esp32SerialLine : ISerialLine
    {
        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            int read = NativeUart.NativeRead(buffer, offset, count, timeoutMilliseconds);
            // A bad range is the caller's bug, not a lost line: say so rather than let it look like an unplugged cable.
            if (read < -1)
            {
                throw new System.ArgumentException("Failed to read the claim UART: the range lies outside the buffer.");
            }

            return read;
        }

        /// <inheritdoc />
        public HalStatus Write(byte[] buffer, int offset, int count)
        {
            switch (NativeUart.NativeWrite(buffer, offset, count))
            {
                case 1: return HalStatus.Success;
                case 2: return HalStatus.BadParameter;
                default: return HalStatus.Error;
            }
        }
    }
}
