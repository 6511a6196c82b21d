using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane.Identities;

namespace NanoFleet.ControlPlane.Tests.Support
{
    /// <summary>
    /// Debian's AWS CLI v2 (/usr/bin/aws, never a v1 earlier on PATH) pointed at the emulator's control plane with
    /// --endpoint-url, credentials in the environment and every config file and metadata lookup turned off.
    /// </summary>
    public sealed class AwsCli
    {
        public const string Path = "/usr/bin/aws";
        private readonly ControlPlaneEmulator _cloud;
        private readonly string _identity;

        public AwsCli(ControlPlaneEmulator cloud, string identity = DefaultIdentities.Operator)
        {
            ClientProcess.Require(Path, "The AWS CLI v2 (Debian package awscli)");
            _cloud = cloud;
            _identity = identity;
        }

        /// <summary>Runs `aws iot ARGS --output json`.</summary>
        public Task<ClientResult> RunAsync(params string[] arguments) => RunWithSecretAsync(_cloud.Identity(_identity).Key.Secret, arguments);

        /// <summary>Runs with a given secret (a wrong one, to see the signature refused).</summary>
        public Task<ClientResult> RunWithSecretAsync(string secret, params string[] arguments)
        {
            var key = _cloud.Identity(_identity).Key;
            var environment = new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = key.Id, ["AWS_SECRET_ACCESS_KEY"] = secret, ["AWS_SESSION_TOKEN"] = null, ["AWS_PROFILE"] = null,
                ["AWS_CONFIG_FILE"] = "/dev/null", ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null", ["AWS_PAGER"] = string.Empty,
                ["AWS_EC2_METADATA_DISABLED"] = "true", ["AWS_MAX_ATTEMPTS"] = "1", ["AWS_RETRY_MODE"] = "standard",
            };
            var all = new[] { "iot" }.Concat(arguments).Concat(new[] { "--endpoint-url", _cloud.Endpoint.ToString(), "--region", _cloud.Region, "--output", "json" });
            return ClientProcess.RunAsync(Path, all, environment);
        }

        /// <summary>Runs and returns the JSON it printed; fails the test with the CLI's output when it did not succeed.</summary>
        public async Task<JsonObject> JsonAsync(params string[] arguments)
        {
            var result = await RunAsync(arguments);
            Assert.True(result.ExitCode == 0, $"aws iot {string.Join(' ', arguments)}: {result}");
            return result.Stdout.Trim().Length == 0 ? new JsonObject() : (JsonObject)JsonNode.Parse(result.Stdout)!;
        }
    }
}
