using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>
    /// AWS's rules on what a template carries besides its body (AWS IoT API reference, CreateProvisioningTemplate):
    /// description at most 500 characters, provisioningRoleArn an IAM role ARN, preProvisioningHook a Lambda
    /// function ARN with payload version 2020-04-01, type FLEET_PROVISIONING or JITP, and no hook on a JITP template.
    /// </summary>
    internal static partial class TemplateSettingRules
    {
        public const int MaxDescriptionLength = 500;

        [GeneratedRegex(@"^arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[\w+=,.@/-]{1,512}\z")]
        private static partial Regex RoleArnPattern();

        [GeneratedRegex(@"^arn:aws(-cn|-us-gov)?:lambda:[a-z]{2}(-[a-z]+)+-[0-9]{1,2}:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]+)?\z")]
        private static partial Regex FunctionArnPattern();

        /// <exception cref="InvalidTemplateException">A value breaks a rule; the message names the field.</exception>
        public static void Check(string? description, string? provisioningRoleArn, TemplateHook? hook, string type)
        {
            if (description is { Length: > MaxDescriptionLength })
            {
                throw new InvalidTemplateException($"description is {description.Length} characters; at most {MaxDescriptionLength} are allowed.");
            }

            if (provisioningRoleArn is not null && !RoleArnPattern().IsMatch(provisioningRoleArn))
            {
                throw new InvalidTemplateException($"provisioningRoleArn '{provisioningRoleArn}' is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME).");
            }

            if (type is not (TemplateTypes.FleetProvisioning or TemplateTypes.Jitp))
            {
                throw new InvalidTemplateException($"type '{type}' is not {TemplateTypes.FleetProvisioning} or {TemplateTypes.Jitp}.");
            }

            if (hook is null)
            {
                return;
            }

            if (type == TemplateTypes.Jitp)
            {
                throw new InvalidTemplateException("preProvisioningHook is only for FLEET_PROVISIONING templates; a JITP template has none.");
            }

            if (!FunctionArnPattern().IsMatch(hook.TargetArn))
            {
                throw new InvalidTemplateException($"preProvisioningHook.targetArn '{hook.TargetArn}' is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME).");
            }

            if (hook.PayloadVersion != TemplateHook.DefaultPayloadVersion)
            {
                throw new InvalidTemplateException($"preProvisioningHook.payloadVersion '{hook.PayloadVersion}' is not {TemplateHook.DefaultPayloadVersion}, the only version AWS knows.");
            }
        }
    }
}
