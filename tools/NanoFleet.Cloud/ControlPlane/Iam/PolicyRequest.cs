using System.Collections.Generic;

namespace NanoFleet.Cloud.ControlPlane.Iam
{
    /// <summary>What a policy is asked about: an action on a resource, by a principal, with the request's context keys.</summary>
    /// <param name="Action">`iot:CreateProvisioningTemplate`, `lambda:InvokeFunction`.</param>
    /// <param name="Resource">The resource's ARN.</param>
    /// <param name="Principal">For resource policies, the caller as `Service:iot.amazonaws.com` or `AWS:ARN`; null for identity policies.</param>
    /// <param name="ContextKeys">Condition keys and their values (`aws:SourceArn` → template ARN); keys compare case-insensitively.</param>
    public sealed record PolicyRequest(string Action, string Resource, string? Principal, IReadOnlyDictionary<string, string> ContextKeys);
}
