using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.ControlPlane.Operations;

namespace NanoFleet.Cloud.Tests.Support
{
    /// <summary>Calls the control plane's handlers in-process, as the HTTP server does after SigV4 and IAM.</summary>
    public sealed class ControlPlaneCaller
    {
        public const string Operator = "arn:aws:iam::123456789012:user/operator";
        private readonly OperationTable _table;

        public ControlPlaneCaller(FleetEmulator emulator)
        {
            _table = ControlPlaneOperations.Build(emulator);
        }

        public Task<JsonObject?> CallAsync(string method, string pathAndQuery, JsonObject? body = null) =>
            _table.DispatchAsync(method, pathAndQuery, body, Operator);

        /// <summary>The AWS error a call fails with.</summary>
        public async Task<AwsServiceException> FailsAsync(string method, string pathAndQuery, JsonObject? body = null) =>
            await Assert.ThrowsAsync<AwsServiceException>(() => CallAsync(method, pathAndQuery, body));

        /// <summary>The HTTP status and AWS error type a call fails with.</summary>
        public async Task<(int Status, string Type)> ErrorOfAsync(string method, string pathAndQuery, JsonObject? body = null)
        {
            var error = await FailsAsync(method, pathAndQuery, body);
            return (error.StatusCode, error.ErrorType);
        }

        /// <summary>The resource ARN the server would check the caller's IAM policy against.</summary>
        public string ResourceArnOf(string method, string pathAndQuery, JsonObject? body = null)
        {
            var request = _table.Resolve(method, pathAndQuery, body, Operator, out var operation);
            return operation.ResourceArn(request);
        }
    }
}
