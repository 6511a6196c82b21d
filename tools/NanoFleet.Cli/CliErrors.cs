using System;
using System.IO;
using System.Security.Cryptography;
using NanoFleet.Cloud;
using NanoFleet.Station.Records;
using NanoFleet.Station.Rom;

namespace NanoFleet.Cli
{
    /// <summary>
    /// Turns exceptions that escape a verb into one readable line and a trustworthy exit code.
    /// Users never see a stack trace unless NANOFLEET_TRACE=1.
    /// </summary>
    public static class CliErrors
    {
        /// <summary>Runs <paramref name="body"/> and maps what escapes it.</summary>
        public static int Run(Func<int> body)
        {
            try
            {
                return body();
            }
            catch (Exception ex)
            {
                int code = CodeFor(ex);
                // Escaped, not flattened: a newline in a quoted value (a --data path, an id) shows as \n, as typed.
                string message = TerminalText.Escape(ex.Message);
                Console.Error.WriteLine(code == ExitCodes.InternalError
                    ? $"nanofleet: internal error ({ex.GetType().Name}): {message}"
                    : $"nanofleet: {message}");
                if (Environment.GetEnvironmentVariable("NANOFLEET_TRACE") == "1")
                {
                    Console.Error.WriteLine(ex);
                }

                return code;
            }
        }

        /// <summary>The exit code for an exception type.</summary>
        public static int CodeFor(Exception ex) => ex switch
        {
            OperationCanceledException => ExitCodes.Interrupted,
            CliException cli => cli.ExitCode,
            // A damaged data directory is malformed input; one in use or read-only is an environment that failed the run.
            DataDirectoryException { Problem: DataDirectoryProblem.Corrupt } => ExitCodes.BadInput,
            DataDirectoryException => ExitCodes.Failure,
            ResourceNotFoundException => ExitCodes.BadInput,
            // The ROM refused, a reply never came, the chip is another one or the serial link failed
            // (the station turns the link's IOExceptions into these): a device error, not a bug.
            EspFatalException => ExitCodes.DeviceError,
            // A connection string or schema the store cannot use is input to fix; an unreachable database is an environment that failed the run.
            RecordStoreException => ExitCodes.BadInput,
            System.Data.Common.DbException => ExitCodes.Failure,
            FileNotFoundException or DirectoryNotFoundException or InvalidDataException or FormatException
                or ArgumentException or CryptographicException => ExitCodes.BadInput,
            IOException or UnauthorizedAccessException => ExitCodes.Failure,
            _ => ExitCodes.InternalError,
        };
    }

    /// <summary>An error a verb reports on purpose, with the exit code it means.</summary>
    public sealed class CliException : Exception
    {
        /// <summary>Creates the error.</summary>
        public CliException(int exitCode, string message) : base(message)
        {
            ExitCode = exitCode;
        }

        /// <summary>The exit code to leave with.</summary>
        public int ExitCode { get; }
    }
}
