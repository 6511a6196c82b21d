using System.Text.RegularExpressions;

namespace NanoFleet.Cloud.Templates
{
    /// <summary>AWS's rules for a template's `preProvisioningHook`: a Lambda function ARN and payload version 2020-04-01.
    /// Whether the function exists and may be invoked is checked at RegisterThing, as on AWS.</summary>
    internal static partial class TemplateHookRules
    {
        [GeneratedRegex("^arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]{12}:function:[A-Za-z0-9_-]{1,64}(:\\$LATEST)?$", RegexOptions.CultureInvariant)]
        private static partial Regex FunctionArnPattern();

        /// <exception cref="InvalidTemplateException">The hook breaks a rule; the message names it.</exception>
        public static void Check(TemplateHook? hook)
        {
            if (hook is null)
            {
                return;
            }

            if (!FunctionArnPattern().IsMatch(hook.TargetArn ?? ""))
            {
                throw new InvalidTemplateException($"preProvisioningHook.targetArn '{hook.TargetArn}' is not a Lambda function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME)");
            }

            if (hook.PayloadVersion != TemplateHook.DefaultPayloadVersion)
            {
                throw new InvalidTemplateException($"preProvisioningHook.payloadVersion '{hook.PayloadVersion}' is not {TemplateHook.DefaultPayloadVersion}, the only version AWS IoT knows");
            }
        }
    }
}
