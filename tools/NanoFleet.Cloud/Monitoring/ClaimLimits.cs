using System;

namespace NanoFleet.Cloud.Monitoring
{
    /// <summary>What crossing a claim's threshold does besides logging the alarm.</summary>
    public enum ClaimAlarmAction
    {
        /// <summary>Only log the alarm.</summary>
        Log,

        /// <summary>Log it and turn the claim off (INACTIVE, live connections closed), as AWS advises on misuse.</summary>
        Deactivate,
    }

    /// <summary>
    /// A claim's misuse thresholds (issue 12 §4; AWS: "If you detect misuse, turn off the provisioning claim certificate").
    /// Null means no limit. Windows are the last minute on the emulator's clock.
    /// </summary>
    /// <param name="MaxRegistrationsPerMinute">Successful RegisterThing calls a minute.</param>
    /// <param name="MaxFailuresPerMinute">Rejected provisioning requests (any of the three APIs) a minute.</param>
    /// <param name="MaxDistinctAddresses">Source addresses the claim's requests came from, in all.</param>
    /// <param name="OnAlarm">What crossing one does.</param>
    public sealed record ClaimLimits(
        int? MaxRegistrationsPerMinute = null, int? MaxFailuresPerMinute = null, int? MaxDistinctAddresses = null,
        ClaimAlarmAction OnAlarm = ClaimAlarmAction.Log)
    {
        /// <summary>No thresholds: the claim is counted but never alarms.</summary>
        public static readonly ClaimLimits None = new();

        /// <summary>Checks every threshold is a positive number.</summary>
        /// <exception cref="ArgumentException">One is zero or negative; the message names it.</exception>
        public ClaimLimits Validated()
        {
            Check(MaxRegistrationsPerMinute, "max registrations per minute");
            Check(MaxFailuresPerMinute, "max failures per minute");
            Check(MaxDistinctAddresses, "max distinct addresses");
            return this;
        }

        /// <summary>"registrations/min 5, failures/min -, addresses -, on alarm log": for logs and the command line.</summary>
        public string Describe() =>
            $"registrations/min {Text(MaxRegistrationsPerMinute)}, failures/min {Text(MaxFailuresPerMinute)}, " +
            $"addresses {Text(MaxDistinctAddresses)}, on alarm {OnAlarm.ToString().ToLowerInvariant()}";

        private static string Text(int? limit) => limit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-";

        private static void Check(int? limit, string what)
        {
            if (limit is <= 0)
            {
                throw new ArgumentException($"The {what} must be above 0, not {limit}.");
            }
        }
    }
}
