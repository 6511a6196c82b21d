using System;
using System.IO;
using NanoFleet.Cli;
using NanoFleet.Cloud;
using NanoFleet.Station.Rom;
using Xunit;

namespace NanoFleet.EndToEnd.Tests.Cli
{
    /// <summary>
    /// The exit code each kind of escaping exception maps to: device and link errors are 3, as
    /// `flash --help` and the README promise, without turning every other verb's IOException into one.
    /// </summary>
    public sealed class CliErrorsTests
    {
        public static TheoryData<Exception, int> Cases => new()
        {
            { EspFatalException.WithResult("write to target Flash after seq 3", 1, RomErrors.FlashWriteError), ExitCodes.DeviceError },
            { new EspFatalException("This is an ESP32-C3 (magic value 0x1B31506F), not an ESP32"), ExitCodes.DeviceError },
            { new EspTimeoutException("Failed to connect: Timed out after 0.1 s waiting for a reply to command 0x08"), ExitCodes.DeviceError },
            { new EspNotSupportedException("ESP32", "Reading flash voltage"), ExitCodes.DeviceError },
            { new EspLinkException("Failed to read on /dev/ttyUSB0: Input/output error", new IOException("Input/output error")), ExitCodes.DeviceError },
            { new IOException("Disk full"), ExitCodes.Failure }, // a file error elsewhere stays a failure, not a device error
            { new FileNotFoundException("--app file 'x.bin' does not exist"), ExitCodes.BadInput },
            { new InvalidOperationException("a bug"), ExitCodes.InternalError },
            // The emulator's data directory: damaged is malformed input, in use or read-only is an environment that failed the run.
            { new DataDirectoryException(DataDirectoryProblem.Corrupt, "registry x is corrupt"), ExitCodes.BadInput },
            { new DataDirectoryException(DataDirectoryProblem.InUse, "another emulator is already running on x"), ExitCodes.Failure },
            { new DataDirectoryException(DataDirectoryProblem.NotWritable, "data directory x is not writable"), ExitCodes.Failure },
            { new ResourceNotFoundException("template 'x' does not exist"), ExitCodes.BadInput },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void CodeFor_MapsTheExceptionType(Exception ex, int expected) =>
            Assert.Equal(expected, CliErrors.CodeFor(ex));
    }
}
