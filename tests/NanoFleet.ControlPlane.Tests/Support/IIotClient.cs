using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace NanoFleet.ControlPlane.Tests.Support
{
    /// <summary>One of AWS's own clients sending an AWS IoT operation ("CreateProvisioningTemplate") with its input in the API's shape.</summary>
    public interface IIotClient
    {
        /// <summary>Sends and returns the client's parsed output; fails the test when the call did not succeed.</summary>
        Task<JsonObject> SendAsync(string operation, JsonObject input);
    }
}
