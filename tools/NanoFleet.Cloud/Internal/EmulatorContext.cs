using System;
using System.Threading.Tasks;
using NanoFleet.Cloud.Events;
using NanoFleet.Cloud.Faults;
using NanoFleet.Cloud.Functions;
using NanoFleet.Cloud.Metrics;
using NanoFleet.Cloud.Monitoring;
using NanoFleet.Cloud.Options;
using NanoFleet.Cloud.Registry;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>The services every part of a running emulator shares.</summary>
    internal sealed class EmulatorContext : IDisposable
    {
        public EmulatorContext(EmulatorOptions options)
        {
            Options = options;
            Clock = options.TimeProvider;
            Arns = new AwsArns(options.Region, options.AccountId);
            Log = new EmulatorLog(Clock);
            Faults = new FaultInjector(Clock);
            if (options.Faults is { } spec)
            {
                Faults.Apply(spec);
            }

            Ca = OpenCertificateAuthority(options.DataDirectory);
            try
            {
                Store = new RegistryStore(System.IO.Path.Combine(options.DataDirectory, EmulatorOptions.RegistryFileName));
            }
            catch
            {
                Ca.Dispose();
                throw;
            }

            Hooks = new HookInvoker(this);
            ClaimMonitor = new ClaimMonitor(this);
        }

        public EmulatorOptions Options { get; }

        public TimeProvider Clock { get; }

        public AwsArns Arns { get; }

        public EmulatorLog Log { get; }

        public FaultInjector Faults { get; }

        public EmulatorMetrics Metrics { get; } = new();

        public CertificateAuthority Ca { get; }

        public RegistryStore Store { get; }

        /// <summary>Calls templates' pre-provisioning hooks, functions of <see cref="Functions.FunctionRegistry"/>.</summary>
        public HookInvoker Hooks { get; }

        /// <summary>Per-claim counters, thresholds and alarms.</summary>
        public ClaimMonitor ClaimMonitor { get; }

        /// <summary>The broker, once started: revocation closes live connections through it.</summary>
        public FleetBroker? Broker { get; set; }

        /// <summary>The veto handlers of <see cref="FleetEmulator.InterceptingRegisterThingAsync"/>.</summary>
        public Func<RegisterThingRequestedEventArgs, Task>? InterceptingRegisterThing { get; set; }

        /// <summary>Loads (or on first use makes) the CA, saying which part of the data directory is at fault when that fails.</summary>
        private static CertificateAuthority OpenCertificateAuthority(string directory)
        {
            try
            {
                return CertificateAuthority.LoadOrCreate(directory);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or System.IO.IOException)
            {
                throw new DataDirectoryException(DataDirectoryProblem.NotWritable, $"data directory {directory} is not writable: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                throw new DataDirectoryException(DataDirectoryProblem.Corrupt,
                    $"the CA files in {directory} (ca.crt, ca.key, server.crt, server.key) are unreadable: {ex.Message}", ex);
            }
        }

        public void Dispose()
        {
            Hooks.Dispose();
            Store.Dispose();
            Ca.Dispose();
        }
    }
}
