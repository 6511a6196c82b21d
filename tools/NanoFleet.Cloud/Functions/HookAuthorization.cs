using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Functions
{
    /// <summary>
    /// Whether AWS IoT may invoke a template's hook, asked as Lambda asks it: the target ARN must name a function
    /// of the emulator's region and account, and its resource policy must let `iot.amazonaws.com` invoke it with
    /// the template's ARN as `aws:SourceArn` and the emulator's account as `aws:SourceAccount`.
    /// </summary>
    /// <param name="Function">The function, when it exists.</param>
    /// <param name="Denial">Why IoT may not invoke it, or null when it may.</param>
    /// <param name="Unconditioned">It may, through a statement without source conditions (the confused-deputy risk).</param>
    internal sealed record HookAuthorization(FunctionRecord? Function, string? Denial, bool Unconditioned)
    {
        public static HookAuthorization Check(EmulatorContext context, string targetArn, string templateArn)
        {
            if (context.Arns.FunctionNameOf(targetArn) is not { } name)
            {
                return new HookAuthorization(null,
                    $"{targetArn} is not a function of the emulator's region and account ({context.Arns.Function("NAME")})", false);
            }

            if (context.Store.Read(s => s.GetFunction(name)) is not { } function)
            {
                return new HookAuthorization(null, $"function {name} does not exist", false);
            }

            var decision = LambdaResourcePolicy.Evaluate(function.Policy, context.Arns.Function(name), FunctionPermission.IotPrincipal,
                FunctionPermission.InvokeAction, templateArn, context.Options.AccountId);
            return new HookAuthorization(function, decision.Allowed ? null : decision.Reason, decision.Allowed && decision.Unconditioned);
        }
    }
}
