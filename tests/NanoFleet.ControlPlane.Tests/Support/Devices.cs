using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.ControlPlane.Tests.Support
{
    /// <summary>Real devices over mTLS MQTT against the emulator, with credentials as AWS's clients printed them
    /// (`certificatePem` and `keyPair.PrivateKey` of CreateProvisioningClaim or CreateKeysAndCertificate).</summary>
    public static class Devices
    {
        public static Task<TestDevice> ConnectAsync(ControlPlaneEmulator cloud, JsonObject credentials) =>
            TestDevice.ConnectAsync(cloud.Emulator.Port, cloud.Emulator.CaCertificatePem, (string)credentials["certificatePem"]!,
                (string)credentials["keyPair"]!["PrivateKey"]!);

        /// <summary>Connects with the claim, then CreateKeysAndCertificate + RegisterThing with SerialNumber = <paramref name="serial"/>;
        /// returns RegisterThing's answer (accepted or rejected).</summary>
        public static async Task<ApiResponse> ProvisionAsync(ControlPlaneEmulator cloud, JsonObject claim, string template, string serial)
        {
            await using var device = await ConnectAsync(cloud, claim);
            return (await Flow.ProvisionAsync(device, template, Flow.Serial(serial))).Registered;
        }
    }
}
