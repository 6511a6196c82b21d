using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Admin;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.Options;

namespace NanoFleet.Cli.Commands
{
    /// <summary>
    /// Where a management verb acts: the running emulator's admin endpoint when one runs on the data
    /// directory (so revocation closes live connections), else the data directory itself, printing the emulator's
    /// warnings to standard error there (a running emulator logs them itself). Never makes a data
    /// directory: a mistyped --data must not quietly become a new emulator with a fresh CA.
    /// </summary>
    internal static class CloudTarget
    {
        /// <summary>
        /// Runs <paramref name="controlPlane"/> against a running emulator's control plane as the operator; when it
        /// serves none, as <see cref="RunAsync{T}(string, Func{AdminClient, Task{T}}, Func{FleetEmulator, Task{T}}?)"/>.
        /// </summary>
        /// <exception cref="CliException">Exit 2: no emulator data directory, or the control plane refused the input; exit 1: it refused otherwise.</exception>
        public static async Task<T> RunAsync<T>(string dataDirectory, Func<ControlPlaneClient, RunningControlPlane, Task<T>> controlPlane,
            Func<AdminClient, Task<T>> online, Func<FleetEmulator, Task<T>>? offline)
        {
            RequireDataDirectory(dataDirectory);
            if (RunningControlPlane.Find(dataDirectory) is { } running)
            {
                try
                {
                    using var client = running.Connect(dataDirectory);
                    return await controlPlane(client, running);
                }
                catch (HttpRequestException)
                {
                    // admin.json left by an emulator that died: fall through to the data directory
                }
                catch (AwsServiceException ex) when (ex.ErrorType != "InvalidRequestException")
                {
                    throw Refused(ex);
                }
            }

            return await RunAsync(dataDirectory, online, offline);
        }

        /// <summary>The verb's error for a control-plane refusal: exit 2 for input the control plane cannot take (an unknown or
        /// already existing resource, a refused request), else exit 1 (AccessDeniedException, a certificate's state…).</summary>
        public static CliException Refused(AwsServiceException ex) =>
            new(ex.StatusCode == 404 || ex.ErrorType is "ResourceAlreadyExistsException" or "InvalidRequestException" ? ExitCodes.BadInput : ExitCodes.Failure,
                $"{ex.ErrorType}: {ex.Message}");

        /// <summary>The admin-endpoint fallback of a verb that only the control plane serves: a running emulator without one.</summary>
        public static Func<AdminClient, Task<T>> ControlPlaneOnly<T>(string verb) =>
            _ => Task.FromException<T>(new CliException(ExitCodes.Failure,
                $"the running emulator serves no AWS IoT control plane, which `nanofleet cloud {verb}` needs; restart it with `nanofleet cloud start`"));

        /// <summary>Runs <paramref name="online"/> against a running emulator, or <paramref name="offline"/> on the data directory.</summary>
        /// <exception cref="CliException">Exit 2: <paramref name="dataDirectory"/> is no emulator's data directory.</exception>
        public static async Task<T> RunAsync<T>(string dataDirectory, Func<AdminClient, Task<T>> online, Func<FleetEmulator, Task<T>>? offline)
        {
            RequireDataDirectory(dataDirectory);
            using var admin = AdminClient.TryOpen(dataDirectory);
            if (admin is not null)
            {
                try
                {
                    return await online(admin);
                }
                catch (HttpRequestException)
                {
                    // admin.json left by an emulator that died: fall through to the data directory
                }
                catch (InvalidOperationException ex)
                {
                    throw new CliException(ExitCodes.BadInput, ex.Message);
                }
            }

            if (offline is null)
            {
                throw new CliException(ExitCodes.Failure,
                    $"no emulator is running on {Path.GetFullPath(dataDirectory)}; start one with `nanofleet cloud start --data {dataDirectory}`");
            }

            await using var emulator = new FleetEmulator(new EmulatorOptionsBuilder().WithDataDirectory(dataDirectory).Build());
            // Offline, nobody else shows the emulator's warnings (a hook RegisterThing would deny, a confused-deputy risk).
            emulator.LogWritten += (_, e) =>
            {
                if (e.Level != NanoFleet.Cloud.Events.EmulatorLogLevel.Information)
                {
                    Console.Error.WriteLine("nanofleet: warning: " + TerminalText.Escape(e.Message));
                }
            };
            await emulator.OpenAsync();
            return await offline(emulator);
        }

        /// <exception cref="CliException">Exit 2: <paramref name="dataDirectory"/> is no emulator's data directory.</exception>
        public static void RequireDataDirectory(string dataDirectory)
        {
            if (!File.Exists(Path.Combine(dataDirectory, EmulatorOptions.RegistryFileName)))
            {
                throw new CliException(ExitCodes.BadInput,
                    $"--data {Path.GetFullPath(dataDirectory)} is no emulator data directory (no {EmulatorOptions.RegistryFileName}); " +
                    $"`nanofleet cloud start --data {dataDirectory}` makes one");
            }
        }
    }
}
