using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Monitoring
{
    /// <summary>
    /// Claim misuse monitoring: per-claim counters of what its connections do, checked against the claim's thresholds
    /// on every provisioning request. Crossing one logs an alarm naming the claim and the threshold, and with
    /// <see cref="ClaimAlarmAction.Deactivate"/> turns the claim INACTIVE. An alarm is raised when a count goes past its
    /// limit, not again while it stays there: one alarm per crossing, so a flood does not flood the log too.
    /// </summary>
    internal sealed class ClaimMonitor
    {
        public const string RegistrationsThreshold = "max-registrations-per-minute";
        public const string FailuresThreshold = "max-failures-per-minute";
        public const string AddressesThreshold = "max-distinct-addresses";

        /// <summary>The RegisterThing parameter counted as the device's serial, as AWS's fleet template examples name it.</summary>
        private const string SerialParameter = "SerialNumber";

        private readonly EmulatorContext _context;
        private readonly ConcurrentDictionary<string, ClaimCounters> _counters = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, ClaimLimits> _limits = new(StringComparer.Ordinal);

        public ClaimMonitor(EmulatorContext context)
        {
            _context = context;
        }

        /// <summary>Counts one answered provisioning request of a claim's connection and checks the claim's thresholds.</summary>
        /// <returns>True when an alarm asks for the claim to be turned off (see <see cref="DeactivateAsync"/>).</returns>
        public bool Record(ClientSession session, ProvisioningApi api, bool accepted)
        {
            if (session.ClaimTemplate is null)
            {
                return false;
            }

            string id = session.CertificateId;
            var limits = LimitsOf(id);
            var now = _context.Clock.GetUtcNow();
            var counters = Counters(id);
            var alarms = new List<ClaimAlarm>();
            lock (counters)
            {
                if (session.SourceAddress is { } address && counters.AddRequest(address))
                {
                    Check(alarms, AddressesThreshold, counters.DistinctAddresses, limits.MaxDistinctAddresses, limits.OnAlarm, now);
                }

                if (!accepted)
                {
                    Check(alarms, FailuresThreshold, counters.AddFailure(now), limits.MaxFailuresPerMinute, limits.OnAlarm, now);
                }
                else if (api == ProvisioningApi.RegisterThing)
                {
                    Check(alarms, RegistrationsThreshold, counters.AddRegistration(now), limits.MaxRegistrationsPerMinute, limits.OnAlarm, now);
                }

                alarms.ForEach(counters.AddAlarm);
            }

            foreach (var alarm in alarms)
            {
                _context.Log.Warn("alarm", session.ClientId, id,
                    $"claim {id} crossed --{alarm.Threshold} {alarm.Limit}: {alarm.Value} " +
                    (alarm.Threshold == AddressesThreshold ? "source addresses" : "in the last minute") +
                    (alarm.Action == ClaimAlarmAction.Deactivate ? "; turning the claim INACTIVE" : string.Empty));
            }

            return alarms.Count > 0 && limits.OnAlarm == ClaimAlarmAction.Deactivate;
        }

        /// <summary>Counts a RegisterThing the pre-provisioning hook denied.</summary>
        public void HookDenied(ClientSession session)
        {
            if (session.ClaimTemplate is not null)
            {
                var counters = Counters(session.CertificateId);
                lock (counters)
                {
                    counters.AddHookDenial();
                }
            }
        }

        /// <summary>Notes the serial a RegisterThing names, for the distinct-serials count.</summary>
        public void SerialSeen(ClientSession session, IReadOnlyDictionary<string, string> parameters)
        {
            if (session.ClaimTemplate is not null && parameters.TryGetValue(SerialParameter, out string? serial))
            {
                var counters = Counters(session.CertificateId);
                lock (counters)
                {
                    counters.AddSerial(serial);
                }
            }
        }

        /// <summary>Turns a claim off after an alarm: INACTIVE, and its live connections are closed.</summary>
        public async Task DeactivateAsync(string certificateId)
        {
            try
            {
                await new CertificateRegistry(_context).SetStatusAsync(certificateId, CertificateStatus.Inactive).ConfigureAwait(false);
            }
            catch (CertificateStateException)
            {
                // Revoked meanwhile: it is already off for good.
            }
        }

        /// <summary>Forgets a claim's per-minute windows when an operator turns it back on, so it does not trip again at once.</summary>
        public void Reactivated(string certificateId)
        {
            if (_counters.TryGetValue(certificateId, out var counters))
            {
                lock (counters)
                {
                    counters.ClearWindows();
                }
            }
        }

        /// <summary>A claim's thresholds, read from the registry once and then kept.</summary>
        public ClaimLimits LimitsOf(string certificateId) =>
            _limits.GetOrAdd(certificateId, id => _context.Store.Read(s => s.GetClaimLimits(id)) ?? ClaimLimits.None);

        /// <summary>Takes new thresholds (already stored) into use.</summary>
        public void LimitsChanged(string certificateId, ClaimLimits limits) => _limits[certificateId] = limits;

        public ClaimUsage Usage(ClaimInfo claim)
        {
            var counters = Counters(claim.CertificateId);
            lock (counters)
            {
                return counters.Snapshot(claim, LimitsOf(claim.CertificateId), _context.Clock.GetUtcNow());
            }
        }

        private ClaimCounters Counters(string certificateId) => _counters.GetOrAdd(certificateId, _ => new ClaimCounters());

        private static void Check(List<ClaimAlarm> alarms, string threshold, int value, int? limit, ClaimAlarmAction action, DateTimeOffset now)
        {
            // Counts move by one, so "just went past the limit" is exactly limit + 1.
            if (limit is { } max && value == max + 1)
            {
                alarms.Add(new ClaimAlarm(now, threshold, value, max, action));
            }
        }
    }
}
