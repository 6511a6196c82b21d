using System.Collections.Generic;
using NanoFleet.Cloud.ControlPlane.Iam;
using NanoFleet.Cloud.ControlPlane.Identities;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>The IAM check of a control-plane call: the caller's identity policy must allow the operation's action on its resource.</summary>
    internal sealed class CallerAuthorizer
    {
        private readonly string _region;
        private readonly string _accountId;

        public CallerAuthorizer(string region, string accountId)
        {
            _region = region;
            _accountId = accountId;
        }

        /// <summary>Returns when allowed.</summary>
        /// <exception cref="AwsServiceException">AccessDeniedException with AWS's message naming caller, action and resource.</exception>
        public void Authorize(Identity caller, string action, string resource)
        {
            string callerArn = caller.Arn(_accountId);
            var context = new Dictionary<string, string>
            {
                ["aws:username"] = caller.Name,
                ["aws:PrincipalArn"] = callerArn,
                ["aws:PrincipalAccount"] = _accountId,
                ["aws:RequestedRegion"] = _region,
            };
            var decision = PolicyEvaluator.Evaluate(new[] { PolicyDocument.Parse(caller.Policy, PolicyKind.Identity) }, new PolicyRequest(action, resource, null, context));
            if (decision != PolicyDecision.Allow)
            {
                throw AwsServiceException.AccessDenied(
                    $"User: {callerArn} is not authorized to perform: {action} on resource: {resource}{(decision == PolicyDecision.ExplicitDeny ? " with an explicit deny" : string.Empty)}");
            }
        }
    }
}
