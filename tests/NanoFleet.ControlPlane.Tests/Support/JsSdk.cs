using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane.Identities;
using NanoFleet.Tests.Shared;

namespace NanoFleet.ControlPlane.Tests.Support
{
    /// <summary>
    /// AWS's JS SDK (@aws-sdk/client-iot, tests/aws-clients) pointed at the emulator's control plane: one
    /// command per call through tests/aws-clients/iot.mjs, which prints the output or the error as the SDK parsed it.
    /// </summary>
    public sealed class JsSdk : IIotClient
    {
        private const string Node = "/usr/bin/node";
        private readonly ControlPlaneEmulator _cloud;
        private readonly string _identity;
        private readonly string _directory;

        public JsSdk(ControlPlaneEmulator cloud, string identity = DefaultIdentities.Operator)
        {
            _directory = FindClientsDirectory();
            ClientProcess.Require(Node, "Node.js 20 or later");
            ClientProcess.Require(Path.Combine(_directory, "node_modules", "@aws-sdk", "client-iot"), "@aws-sdk/client-iot (npm ci in tests/aws-clients)");
            _cloud = cloud;
            _identity = identity;
        }

        /// <summary>Sends `OPERATION` (e.g. "CreateProvisioningTemplate") with <paramref name="input"/>.</summary>
        public Task<ClientResult> RunAsync(string operation, JsonObject input)
        {
            var key = _cloud.Identity(_identity).Key;
            var environment = ClientProcess.AwsEnvironment(key.Id, key.Secret);
            return ClientProcess.RunAsync(Node, new[] { "iot.mjs", _cloud.Endpoint.ToString().TrimEnd('/'), _cloud.Region, operation, input.ToJsonString() }, environment, _directory);
        }

        /// <summary>Sends and returns the SDK's output; fails the test with what node printed when the call did not succeed.</summary>
        public async Task<JsonObject> SendAsync(string operation, JsonObject input)
        {
            var result = await RunAsync(operation, input);
            Assert.True(result.ExitCode == 0, $"{operation}: {result}");
            return (JsonObject)JsonNode.Parse(result.Stdout)!;
        }

        /// <summary>Sends a call that must fail; returns the SDK's error name, HTTP status and message.</summary>
        public async Task<JsonObject> ErrorAsync(string operation, JsonObject input)
        {
            var result = await RunAsync(operation, input);
            Assert.True(result.ExitCode == 1, $"{operation} should fail with a service error: {result}");
            return (JsonObject)JsonNode.Parse(result.Stdout)!;
        }

        // The test binaries run from tests/NanoFleet.ControlPlane.Tests/bin/…; tests/aws-clients sits beside the project.
        private static string FindClientsDirectory()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "aws-clients");
                if (File.Exists(Path.Combine(candidate, "iot.mjs")))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException($"tests/aws-clients/iot.mjs not found above {AppContext.BaseDirectory}");
        }
    }
}
