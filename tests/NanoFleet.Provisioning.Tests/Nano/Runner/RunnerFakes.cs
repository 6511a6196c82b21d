using System;
using System.Collections;
using NanoFleet.Hal;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>A credential store in memory that, like the flash one, refuses incomplete records.</summary>
    public sealed class MemoryCredentialStore : ICredentialStore
    {
        /// <summary>The saved record, or null.</summary>
        public DeviceCredentials? Record { get; private set; }

        /// <summary>True after MarkBad.</summary>
        public bool MarkedBad { get; private set; }

        /// <summary>Number of Save calls.</summary>
        public int Saves { get; private set; }

        /// <inheritdoc />
        public StoreStatus Load(DeviceCredentials credentials)
        {
            if (Record == null || MarkedBad)
            {
                return StoreStatus.NotFound;
            }

            credentials.CertificateId = Record.CertificateId;
            credentials.CertificatePem = Record.CertificatePem;
            credentials.PrivateKeyPem = Record.PrivateKeyPem;
            credentials.ThingName = Record.ThingName;
            credentials.TemplateName = Record.TemplateName;
            credentials.ProvisionedAtUnixSeconds = Record.ProvisionedAtUnixSeconds;
            return StoreStatus.Success;
        }

        /// <inheritdoc />
        public StoreStatus Save(DeviceCredentials credentials)
        {
            Saves++;
            if (!credentials.IsComplete)
            {
                return StoreStatus.Incomplete;
            }

            Record = credentials;
            MarkedBad = false;
            return StoreStatus.Success;
        }

        /// <inheritdoc />
        public StoreStatus MarkBad()
        {
            if (Record == null)
            {
                return StoreStatus.NotFound;
            }

            MarkedBad = true;
            return StoreStatus.Success;
        }
    }

    /// <summary>Real time from DateTime.UtcNow (the runner's waits are real).</summary>
    public sealed class UtcClock : IClock
    {
        /// <inheritdoc />
        public long MonotonicMilliseconds => DateTime.UtcNow.Ticks / 10000;

        /// <inheritdoc />
        public long UtcUnixSeconds => (DateTime.UtcNow.Ticks - 621355968000000000) / 10000000;
    }

    /// <summary>Counts reboots (a host reboot returns).</summary>
    public sealed class CountingRebooter : IRebooter
    {
        /// <summary>How often Reboot was called.</summary>
        public int Count { get; private set; }

        /// <inheritdoc />
        public void Reboot() => Count++;
    }

    /// <summary>Keeps every log event as "Name: detail".</summary>
    public sealed class ListLogSink : ILogSink
    {
        /// <summary>The events.</summary>
        public ArrayList Lines { get; } = new ArrayList();

        /// <inheritdoc />
        public void Log(LogLevel level, string eventName, string detail)
        {
            lock (Lines)
            {
                Lines.Add(eventName + ": " + detail);
            }
        }
    }

    /// <summary>A fixed MAC.</summary>
    public sealed class FixedIdentity : IDeviceIdentity
    {
        /// <inheritdoc />
        public string MacAddress => MachineHarness.Mac;
    }

    /// <summary>A CSR source that returns a fixed CSR (<see cref="TestPayloads.Csr"/>) and key, counting calls.</summary>
    public sealed class FixedCsrSource : ICsrSource
    {
        /// <summary>How often CreateCsr was called.</summary>
        public int Calls { get; private set; }

        /// <inheritdoc />
        public byte[]? CreateCsr(string commonName, out byte[] privateKeyPem)
        {
            Calls++;
            privateKeyPem = TestBytes.Utf8Of("CSR-KEY-SECRET");
            return TestBytes.Utf8Of(TestPayloads.Csr); // FakeCloudSession issues certificates for its key
        }
    }
}
