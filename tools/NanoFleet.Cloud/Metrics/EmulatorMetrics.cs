using System;
using System.Collections.Generic;
using System.Threading;

namespace NanoFleet.Cloud.Metrics
{
    /// <summary>
    /// The fleet-provisioning counters AWS publishes to CloudWatch, plus request latency per API
    /// (from the PUBLISH arriving to the response being handed to the broker).
    /// </summary>
    public sealed class EmulatorMetrics
    {
        private readonly LatencyRecorder[] _latency = { new(), new(), new() };
        private readonly long[] _requests = new long[3];
        private readonly long[] _failures = new long[3];
        private readonly object _gate = new();
        private readonly Dictionary<string, long> _thingsByClaim = new(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _registerFailuresByTemplate = new(StringComparer.Ordinal);
        private long _thingsRegistered;

        /// <summary>Successful RegisterThing calls (AWS: ApproximateNumberOfThingsRegistered).</summary>
        public long ApproximateNumberOfThingsRegistered => Interlocked.Read(ref _thingsRegistered);

        /// <summary>Failed CreateKeysAndCertificate calls.</summary>
        public long CreateKeysAndCertificateFailed => Interlocked.Read(ref _failures[(int)ProvisioningApi.CreateKeysAndCertificate]);

        /// <summary>Failed CreateCertificateFromCsr calls.</summary>
        public long CreateCertificateFromCsrFailed => Interlocked.Read(ref _failures[(int)ProvisioningApi.CreateCertificateFromCsr]);

        /// <summary>Failed RegisterThing calls.</summary>
        public long RegisterThingFailed => Interlocked.Read(ref _failures[(int)ProvisioningApi.RegisterThing]);

        /// <summary>AWS's JITP metrics (ProvisionThing.Success, .ClientError, .ServerError).</summary>
        public ProvisionThingMetrics ProvisionThing { get; } = new();

        /// <summary>A consistent copy of every figure.</summary>
        public MetricsSnapshot Snapshot()
        {
            var apis = new List<ApiMetrics>();
            foreach (ProvisioningApi api in Enum.GetValues<ProvisioningApi>())
            {
                var (p50, p99, max) = _latency[(int)api].Percentiles();
                apis.Add(new ApiMetrics(api.ToString(), Interlocked.Read(ref _requests[(int)api]), Interlocked.Read(ref _failures[(int)api]), p50, p99, max));
            }

            lock (_gate)
            {
                return new MetricsSnapshot(ApproximateNumberOfThingsRegistered, CreateKeysAndCertificateFailed, CreateCertificateFromCsrFailed,
                    RegisterThingFailed, apis, new Dictionary<string, long>(_thingsByClaim), new Dictionary<string, long>(_registerFailuresByTemplate));
            }
        }

        internal void Record(ProvisioningApi api, bool success, TimeSpan latency, string? claimCertificateId, string? templateName)
        {
            Interlocked.Increment(ref _requests[(int)api]);
            _latency[(int)api].Add(latency);
            if (!success)
            {
                Interlocked.Increment(ref _failures[(int)api]);
            }

            if (api != ProvisioningApi.RegisterThing)
            {
                return;
            }

            lock (_gate)
            {
                if (success)
                {
                    _thingsRegistered++;
                    if (claimCertificateId is not null)
                    {
                        _thingsByClaim[claimCertificateId] = _thingsByClaim.GetValueOrDefault(claimCertificateId) + 1;
                    }
                }
                else if (templateName is not null)
                {
                    _registerFailuresByTemplate[templateName] = _registerFailuresByTemplate.GetValueOrDefault(templateName) + 1;
                }
            }
        }
    }

    /// <summary>Figures for one API; latencies in milliseconds (to 0.01 ms) over the last 10,000 requests.</summary>
    public sealed record ApiMetrics(string Api, long Requests, long Failed, double LatencyP50Ms, double LatencyP99Ms, double LatencyMaxMs);

    /// <summary>All metrics at one instant.</summary>
    /// <param name="ApproximateNumberOfThingsRegistered">Successful RegisterThing calls.</param>
    /// <param name="CreateKeysAndCertificateFailed">Failed CreateKeysAndCertificate calls.</param>
    /// <param name="CreateCertificateFromCsrFailed">Failed CreateCertificateFromCsr calls.</param>
    /// <param name="RegisterThingFailed">Failed RegisterThing calls.</param>
    /// <param name="Apis">Per-API request counts and latency.</param>
    /// <param name="ThingsRegisteredByClaim">AWS's ClaimCertificateId dimension.</param>
    /// <param name="RegisterThingFailedByTemplate">AWS's TemplateName dimension.</param>
    public sealed record MetricsSnapshot(
        long ApproximateNumberOfThingsRegistered, long CreateKeysAndCertificateFailed, long CreateCertificateFromCsrFailed, long RegisterThingFailed,
        IReadOnlyList<ApiMetrics> Apis, IReadOnlyDictionary<string, long> ThingsRegisteredByClaim,
        IReadOnlyDictionary<string, long> RegisterThingFailedByTemplate);
}
