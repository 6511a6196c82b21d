namespace NanoFleet.Cloud.Functions
{
    /// <summary>What a function's resource policy says about one invocation.</summary>
    /// <param name="Allowed">An Allow statement applies and no Deny does.</param>
    /// <param name="Reason">Why not, naming the statement and the condition that failed; or which statement allowed.</param>
    /// <param name="Unconditioned">An applying Allow has neither an `aws:SourceArn` nor an `aws:SourceAccount`
    /// condition: any account's resource could make the service invoke it (the confused-deputy risk).</param>
    internal sealed record LambdaInvokeDecision(bool Allowed, string Reason, bool Unconditioned);
}
