using System;

namespace NanoFleet.Station.Rom
{
    /// <summary>
    /// A device or link error, not a bug: the ROM refused a command, a reply never came, or the content
    /// does not fit the chip. Messages read "Failed to &lt;verb phrase&gt; (result was 0107: Checksum error)".
    /// </summary>
    public class EspFatalException : Exception
    {
        /// <summary>Creates the error with a complete message.</summary>
        public EspFatalException(string message) : base(message)
        {
        }

        /// <summary>Creates the error with a complete message and its cause.</summary>
        public EspFatalException(string message, Exception inner) : base(message, inner)
        {
        }

        /// <summary>The ROM error code, when the ROM reported one; otherwise 0.</summary>
        public byte RomError { get; private init; }

        /// <summary>Builds "Failed to {opDescription} (result was SSEE: text)" from the status bytes.</summary>
        /// <example><code>throw EspFatalException.WithResult("write to target Flash after seq 12", 1, 7);</code></example>
        public static EspFatalException WithResult(string opDescription, byte status, byte error) =>
            new($"Failed to {opDescription} (result was {RomErrors.FormatResult(status, error)})") { RomError = error };
    }

    /// <summary>No reply in time: the link is quiet, the device was unplugged, or it is not in download mode.</summary>
    public sealed class EspTimeoutException : EspFatalException
    {
        /// <summary>Creates the error.</summary>
        public EspTimeoutException(string message) : base(message)
        {
        }
    }

    /// <summary>
    /// The serial port itself failed (the USB-UART bridge went away, the pty closed): nothing more can
    /// be sent on it, so retrying is pointless and on some ports blocks forever.
    /// </summary>
    public sealed class EspLinkException : EspFatalException
    {
        /// <summary>Creates the error with the port's exception as its cause.</summary>
        public EspLinkException(string message, Exception inner) : base(message, inner)
        {
        }
    }

    /// <summary>The chip lacks a feature; names the chip and the feature, as esptool's NotSupportedError.</summary>
    public sealed class EspNotSupportedException : EspFatalException
    {
        /// <summary>Creates "{feature} is not supported by {chip}."</summary>
        public EspNotSupportedException(string chipName, string feature)
            : base($"{feature} is not supported by {chipName}.")
        {
        }
    }
}
