using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Monitoring;

namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>
    /// The emulator's own route for claim misuse monitoring: AWS has no API for it (on AWS it is CloudWatch metrics and
    /// alarms), so it lives under `/nanofleet/`, outside AWS's paths. Reading a claim's usage is reading about a
    /// certificate, so IAM checks `iot:DescribeCertificate` on the claim's certificate ARN.
    /// </summary>
    internal static class ClaimUsageOperation
    {
        public static void Add(OperationTable table, FleetEmulator emulator, AwsArns arns) =>
            table.Add(new ControlPlaneOperation("NanoFleetDescribeClaimUsage", "GET", "/nanofleet/claims/{certificateId}/usage", "iot:DescribeCertificate",
                r => arns.Certificate(r.Route("certificateId")), r => DescribeAsync(emulator, arns, r)));

        private static async Task<JsonObject?> DescribeAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            string id = request.Route("certificateId");
            var usage = await emulator.Claims.GetUsageAsync(id).ConfigureAwait(false)
                ?? throw AwsServiceException.ResourceNotFound($"No claim certificate has id {id}");
            var addresses = new JsonObject();
            foreach (var (address, count) in usage.RequestsBySourceAddress)
            {
                addresses[address] = count;
            }

            var alarms = new JsonArray();
            foreach (var alarm in usage.Alarms)
            {
                alarms.Add(new JsonObject
                {
                    ["at"] = AwsJson.Timestamp(alarm.At),
                    ["threshold"] = alarm.Threshold,
                    ["value"] = alarm.Value,
                    ["limit"] = alarm.Limit,
                    ["action"] = ActionName(alarm.Action),
                });
            }

            return new JsonObject
            {
                ["certificateId"] = usage.CertificateId,
                ["certificateArn"] = arns.Certificate(usage.CertificateId),
                ["templateName"] = usage.TemplateName,
                ["status"] = usage.Status.ToAwsName(),
                ["limits"] = new JsonObject
                {
                    ["maxRegistrationsPerMinute"] = usage.Limits.MaxRegistrationsPerMinute,
                    ["maxFailuresPerMinute"] = usage.Limits.MaxFailuresPerMinute,
                    ["maxDistinctAddresses"] = usage.Limits.MaxDistinctAddresses,
                    ["onAlarm"] = ActionName(usage.Limits.OnAlarm),
                },
                ["registrations"] = usage.Registrations,
                ["failures"] = usage.Failures,
                ["hookDenials"] = usage.HookDenials,
                ["distinctSerials"] = usage.DistinctSerials,
                ["registrationsLastMinute"] = usage.RegistrationsLastMinute,
                ["failuresLastMinute"] = usage.FailuresLastMinute,
                ["requestsBySourceAddress"] = addresses,
                ["alarms"] = alarms,
            };
        }

        /// <summary>`log` or `deactivate`, as `--on-alarm` spells it.</summary>
        private static string ActionName(ClaimAlarmAction action) => action.ToString().ToLowerInvariant();
    }
}
