using System;
using NanoFleet.Hal;
using NanoFleet.Provisioning;
using NanoFleet.Provisioning.Tests;

namespace NanoFleet.CoreBenchmark
{
    /// <summary>
    /// One whole provisioning run of the core: a new runner (and its machine) over the canned
    /// session and the nano tests' fake HAL, from boot through the claim connect, both requests and
    /// both responses, to the credentials persisted and the reboot asked for.
    /// </summary>
    internal sealed class ProvisioningRunOperation : IBenchOperation
    {
        private readonly ProvisioningClaim _claim;
        private readonly ProvisioningOptions _options;
        private readonly CannedCloudSession _session;
        private readonly IClock _clock = new UtcClock();
        private readonly IRandomSource _random = new SequenceRandom();
        private readonly IDeviceIdentity _identity = new FixedIdentity();
        private readonly IRebooter _rebooter = new CountingRebooter();
        private readonly ILogSink _log = new DiscardingLogSink();

        public ProvisioningRunOperation(FpFormat format, byte[] createAccepted, byte[] registerAccepted)
        {
            _claim = MachineHarness.NewClaim();
            _claim.Format = format;
            _options = MachineHarness.DefaultOptions().WithFormat(format).Build();
            _session = new CannedCloudSession(format, MachineHarness.Template, createAccepted, registerAccepted);
        }

        /// <summary>The record the last run persisted.</summary>
        public DeviceCredentials? Persisted { get; private set; }

        public void Run()
        {
            var store = new MemoryCredentialStore();
            var runner = new ProvisioningRunner(_session, _clock, _random, _identity, _rebooter, _log, store, null, _claim, _options);
            RunResult result = runner.Run();
            if (result.Outcome != RunOutcome.RebootRequested || store.Record == null || !store.Record.IsComplete)
            {
                throw new InvalidOperationException("Failed to provision in the benchmark run: " + result.ToString());
            }

            Persisted = store.Record;
        }

        /// <summary>Drops the core's log events: keeping them would weigh the sink, not the core.</summary>
        private sealed class DiscardingLogSink : ILogSink
        {
            public void Log(LogLevel level, string eventName, string detail)
            {
            }
        }
    }
}
