using System.IO;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.Tests.Shared;

namespace NanoFleet.ControlPlane.Tests.Support
{
    /// <summary>
    /// Debian's AWS CLI v2 (/usr/bin/aws, never a v1 earlier on PATH) pointed at the emulator's control plane with
    /// --endpoint-url, credentials in the environment and every config file and metadata lookup turned off.
    /// </summary>
    public sealed class AwsCli : IIotClient
    {
        private readonly ControlPlaneEmulator _cloud;
        private readonly string _identity;

        public AwsCli(ControlPlaneEmulator cloud, string identity = DefaultIdentities.Operator)
        {
            ClientProcess.Require(ClientProcess.AwsCliPath, "The AWS CLI v2 (Debian package awscli)");
            _cloud = cloud;
            _identity = identity;
        }

        /// <summary>Runs `aws iot ARGS --output json`.</summary>
        public Task<ClientResult> RunAsync(params string[] arguments) => RunWithSecretAsync(_cloud.Identity(_identity).Key.Secret, arguments);

        /// <summary>Runs with a given secret (a wrong one, to see the signature refused).</summary>
        public Task<ClientResult> RunWithSecretAsync(string secret, params string[] arguments) =>
            ClientProcess.AwsIotAsync(_cloud.Endpoint, _cloud.Region, ClientProcess.AwsEnvironment(_cloud.Identity(_identity).Key.Id, secret), arguments);

        /// <summary>Runs and returns the JSON it printed; fails the test with the CLI's output when it did not succeed.</summary>
        public async Task<JsonObject> JsonAsync(params string[] arguments)
        {
            var result = await RunAsync(arguments);
            Assert.True(result.ExitCode == 0, $"aws iot {string.Join(' ', arguments)}: {result}");
            return result.Stdout.Trim().Length == 0 ? new JsonObject() : (JsonObject)JsonNode.Parse(result.Stdout)!;
        }

        /// <summary>Creates the enabled template <paramref name="name"/> with <see cref="Templates.Body"/>.</summary>
        public Task<JsonObject> CreateTemplateAsync(string name) =>
            JsonAsync("create-provisioning-template", "--template-name", name, "--template-body", Templates.Body,
                "--provisioning-role-arn", Templates.RoleArn(_cloud.AccountId), "--enabled");

        /// <summary>Runs `aws iot OPERATION-IN-KEBAB-CASE --cli-input-json file://…` with <paramref name="input"/>, which the CLI
        /// takes in the API's shape, and returns the JSON it printed.</summary>
        public async Task<JsonObject> SendAsync(string operation, JsonObject input)
        {
            string file = Path.Combine(_cloud.Directory, $"cli-input-{System.Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(file, input.ToJsonString());
            return await JsonAsync(Regex.Replace(operation, "(?<=[a-z])(?=[A-Z])", "-").ToLowerInvariant(), "--cli-input-json", "file://" + file);
        }
    }
}
