using System.CommandLine;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Metrics;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet cloud metrics`: the running emulator's counters and latency.</summary>
    internal static class CloudMetricsCommand
    {
        public static Command Create()
        {
            var data = CloudCommand.DataOption();
            var json = new Option<bool>("--json") { Description = "Print the raw JSON (also served at GET /metrics on the admin port)." };
            var command = new Command("metrics", "AWS's fleet-provisioning counters (ApproximateNumberOfThingsRegistered, *Failed) and latency per API.") { data, json };
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

                return ExitCodes.Success;
            });
            return command;
        }
    }
}
