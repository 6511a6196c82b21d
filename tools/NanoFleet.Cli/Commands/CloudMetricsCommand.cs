using System.CommandLine;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud;
using NanoFleet.Cloud.Metrics;
using NanoFleet.Cloud.Monitoring;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud metrics`: the running emulator's counters and latency.</summary>
    internal static class CloudMetricsCommand
    {
        public static Command Create()
        {
            var data = CloudCommand.DataOption();
            var json = new Option<bool>("--json") { Description = "Print the raw JSON of the counters (also served at GET /metrics on the admin port; the claims' usage is at GET /claims/usage)." };
            var command = new Command("metrics",
                "AWS's fleet-provisioning counters (ApproximateNumberOfThingsRegistered, *Failed) and latency per API,\n" +
                "then one line per claim: its usage since the emulator started, its thresholds and its alarms.") { data, json };
            command.SetAction(async (r, ct) =>
            {
                string raw = await CloudTarget.RunAsync<string>(r.GetValue(data)!, admin => admin.GetAsync("metrics", ct), null);
                if (r.GetValue(json))
                {
                    System.Console.Out.WriteLine(raw);
                    return ExitCodes.Success;
                }

                var m = JsonSerializer.Deserialize<MetricsSnapshot>(raw)!;
                System.Console.Out.WriteLine($"ApproximateNumberOfThingsRegistered {m.ApproximateNumberOfThingsRegistered}");
                System.Console.Out.WriteLine($"CreateKeysAndCertificateFailed      {m.CreateKeysAndCertificateFailed}");
                System.Console.Out.WriteLine($"CreateCertificateFromCsrFailed      {m.CreateCertificateFromCsrFailed}");
                System.Console.Out.WriteLine($"RegisterThingFailed                 {m.RegisterThingFailed}");
                foreach (var api in m.Apis)
                {
                    System.Console.Out.WriteLine($"{api.Api,-26} requests={api.Requests} failed={api.Failed} p50={api.LatencyP50Ms}ms p99={api.LatencyP99Ms}ms max={api.LatencyMaxMs}ms");
                }

                string claims = await CloudTarget.RunAsync<string>(r.GetValue(data)!, admin => admin.GetAsync("claims/usage", ct), null);
                foreach (var usage in JsonSerializer.Deserialize<ClaimUsage[]>(claims)!)
                {
                    System.Console.Out.WriteLine(ClaimUsageLine(usage));
                }

                return ExitCodes.Success;
            });
            return command;
        }

        /// <summary>"claim ID template=T ACTIVE registrations=3 (3/min) failures=0 (0/min) hook-denials=0 serials=3 addresses=1 alarms=0;
        /// thresholds registrations/min 5, failures/min -, addresses -, on alarm log".</summary>
        private static string ClaimUsageLine(ClaimUsage u) =>
            $"claim {u.CertificateId} template={u.TemplateName} {u.Status.ToAwsName()} registrations={u.Registrations} ({u.RegistrationsLastMinute}/min) " +
            $"failures={u.Failures} ({u.FailuresLastMinute}/min) hook-denials={u.HookDenials} serials={u.DistinctSerials} " +
            $"addresses={u.RequestsBySourceAddress.Count} alarms={u.Alarms.Count}" +
            (u.Alarms.Count > 0 ? $" (last: {u.Alarms[^1].Threshold} {u.Alarms[^1].Value} > {u.Alarms[^1].Limit})" : string.Empty) +
            $"; thresholds {u.Limits.Describe()}";
    }
}
