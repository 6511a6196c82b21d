using System;
using NanoFleet.Station.Rom;

namespace NanoFleet.Cli.Commands
{
    /// <summary>Maps ROM-loader errors to the device exit code, as esptool prints "A fatal error occurred".</summary>
    internal static class DeviceErrors
    {
        /// <summary>Runs <paramref name="body"/> under <see cref="CliErrors.Run"/>, turning <see cref="EspFatalException"/> into exit code 3.</summary>
        public static int Run(Func<int> body) => CliErrors.Run(() =>
        {
            try
            {
                return body();
            }
            catch (EspFatalException ex)
            {
                throw new CliException(ExitCodes.DeviceError, ex.Message);
            }
        });
    }
}
