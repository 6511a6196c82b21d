using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.ControlPlane.Operations
{
    /// <summary>
    /// The AWS IoT operations on IoT policies (AWS IoT API reference): CreatePolicy, GetPolicy, and AttachPolicy /
    /// DetachPolicy to a certificate. An attached policy is what the broker evaluates for that certificate's Connect,
    /// Publish, Subscribe and Receive. A policy's ARN is `arn:aws:iot:REGION:ACCOUNT:policy/NAME`.
    /// </summary>
    internal static class PolicyOperations
    {
        /// <summary>AWS's quota: at most 10 policies attached to one certificate.</summary>
        private const int MaxPoliciesPerCertificate = 10;

        /// <summary>The emulator keeps one version of each policy, so every policy's version is AWS's first.</summary>
        private const string OnlyVersion = "1";

        public static void Map(OperationTable table, FleetEmulator emulator)
        {
            var arns = new AwsArns(emulator.Options.Region, emulator.Options.AccountId);
            table.Add(new ControlPlaneOperation("CreatePolicy", "POST", "/policies/{policyName}", "iot:CreatePolicy",
                r => arns.Policy(r.Route("policyName")), r => CreatePolicyAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("GetPolicy", "GET", "/policies/{policyName}", "iot:GetPolicy",
                r => arns.Policy(r.Route("policyName")), r => GetPolicyAsync(emulator, arns, r)));
            // IAM checks these two on the principal the policy is attached to (a certificate ARN), read from the body.
            table.Add(new ControlPlaneOperation("AttachPolicy", "PUT", "/target-policies/{policyName}", "iot:AttachPolicy",
                r => r.OptionalString("target") ?? arns.Policy(r.Route("policyName")), r => AttachPolicyAsync(emulator, arns, r)));
            table.Add(new ControlPlaneOperation("DetachPolicy", "POST", "/target-policies/{policyName}", "iot:DetachPolicy",
                r => r.OptionalString("target") ?? arns.Policy(r.Route("policyName")), r => DetachPolicyAsync(emulator, arns, r)));
        }

        private static async Task<JsonObject?> CreatePolicyAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            string name = CheckedName(request);
            string document = request.RequiredString("policyDocument");
            bool created;
            try
            {
                created = await emulator.Policies.CreateAsync(name, document).ConfigureAwait(false);
            }
            catch (ArgumentException ex)
            {
                throw new AwsServiceException(400, "MalformedPolicyException", ex.Message);
            }

            if (!created)
            {
                throw AwsServiceException.ResourceAlreadyExists($"policy '{name}' already exists");
            }

            return new JsonObject
            {
                ["policyName"] = name,
                ["policyArn"] = arns.Policy(name),
                ["policyDocument"] = document,
                ["policyVersionId"] = OnlyVersion,
            };
        }

        private static async Task<JsonObject?> GetPolicyAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            string name = CheckedName(request);
            string document = await emulator.Policies.GetAsync(name).ConfigureAwait(false)
                ?? throw AwsServiceException.ResourceNotFound($"policy '{name}' does not exist");
            return new JsonObject
            {
                ["policyName"] = name,
                ["policyArn"] = arns.Policy(name),
                ["policyDocument"] = document,
                ["defaultVersionId"] = OnlyVersion,
            };
        }

        private static async Task<JsonObject?> AttachPolicyAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            string name = CheckedName(request);
            string certificateId = TargetCertificate(request, arns);
            var attached = await emulator.Policies.AttachedToAsync(certificateId).ConfigureAwait(false);
            if (attached.Count >= MaxPoliciesPerCertificate && !attached.Contains(name))
            {
                throw new AwsServiceException(410, "LimitExceededException",
                    $"certificate {certificateId} already has {MaxPoliciesPerCertificate} policies attached, AWS's limit");
            }

            await Translate(() => emulator.Policies.AttachAsync(name, certificateId)).ConfigureAwait(false);
            return null;
        }

        /// <summary>Detaching a policy that is not attached succeeds and changes nothing (the emulator's reading: AWS documents no error for it).</summary>
        private static async Task<JsonObject?> DetachPolicyAsync(FleetEmulator emulator, AwsArns arns, ControlPlaneRequest request)
        {
            string name = CheckedName(request);
            string certificateId = TargetCertificate(request, arns);
            await Translate(() => emulator.Policies.DetachAsync(name, certificateId)).ConfigureAwait(false);
            return null;
        }

        private static string CheckedName(ControlPlaneRequest request)
        {
            string name = request.Route("policyName");
            return ResourceNames.Check(ResourceNames.Policy, name) is { } problem ? throw AwsServiceException.InvalidRequest(problem) : name;
        }

        /// <summary>The certificate id in `target`. Thing groups and Cognito identities, AWS's other targets, are not emulated.</summary>
        private static string TargetCertificate(ControlPlaneRequest request, AwsArns arns)
        {
            string target = request.RequiredString("target");
            string prefix = arns.Certificate(string.Empty);
            return target.StartsWith(prefix, StringComparison.Ordinal) && target.Length > prefix.Length
                ? target[prefix.Length..]
                : throw AwsServiceException.InvalidRequest($"target '{target}' is not a certificate ARN of this emulator ({prefix}ID)");
        }

        private static async Task Translate(Func<Task> change)
        {
            try
            {
                await change().ConfigureAwait(false);
            }
            catch (ResourceNotFoundException ex)
            {
                throw AwsServiceException.ResourceNotFound(ex.Message);
            }
        }
    }
}
