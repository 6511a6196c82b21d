using System.Collections.Generic;
using System.Threading.Tasks;

namespace NanoFleet.Cloud.Tests.Support
{
    /// <summary>The device's two API calls, as a device SDK makes them.</summary>
    public static class Flow
    {
        public static Task<ApiResponse> CreateKeysAsync(TestDevice device, string format = "json") =>
            device.RequestAsync($"$aws/certificates/create/{format}", format == "cbor" ? TestPayloads.Encode(new Dictionary<string, object>(), true) : "{}"u8.ToArray());

        public static Task<ApiResponse> RegisterAsync(TestDevice device, string template, string token, IDictionary<string, string>? parameters, string format = "json") =>
            device.RequestAsync($"$aws/provisioning-templates/{template}/provision/{format}", TestPayloads.RegisterThing(token, parameters, format == "cbor"));

        /// <summary>Creates keys then registers with <paramref name="parameters"/>; returns the create and register answers.</summary>
        public static async Task<(ApiResponse Created, ApiResponse Registered)> ProvisionAsync(
            TestDevice device, string template, IDictionary<string, string>? parameters, string format = "json")
        {
            var created = await CreateKeysAsync(device, format);
            Assert.True(created.Accepted);
            return (created, await RegisterAsync(device, template, created.Text("certificateOwnershipToken"), parameters, format));
        }

        public static Dictionary<string, string> Serial(string value) => new() { ["SerialNumber"] = value };
    }
}
