using System.Collections.Generic;
using NanoFleet.Cloud.ControlPlane.Iam;

namespace NanoFleet.ControlPlane.Tests.Iam
{
    /// <summary>IAM's grammar and evaluation order on the policies the control plane and Lambda resource policies use.</summary>
    public sealed class PolicyEvaluatorTests
    {
        private const string Template = "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/factory-a";
        private static readonly Dictionary<string, string> NoKeys = new();

        [Theory]
        [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"IOT:describe*","Resource":"*"}}""", "iot:DescribeProvisioningTemplate", PolicyDecision.Allow)]
        [InlineData("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"*"},{"Effect":"Deny","Action":"iot:Delete*","Resource":"*"}]}""", "iot:DeleteProvisioningTemplate", PolicyDecision.ExplicitDeny)]
        [InlineData("""{"Statement":[{"Effect":"Allow","NotAction":"iot:Delete*","Resource":"*"}]}""", "iot:DeleteProvisioningTemplate", PolicyDecision.ImplicitDeny)]
        [InlineData("""{"Statement":[{"Effect":"Allow","NotAction":"iot:Delete*","Resource":"*"}]}""", "iot:UpdateProvisioningTemplate", PolicyDecision.Allow)]
        [InlineData("""{"Statement":[{"Effect":"Allow","Action":"iot:?escribeProvisioningTemplate","Resource":"arn:aws:iot:*:*:provisioningtemplate/factory-?"}]}""", "iot:DescribeProvisioningTemplate", PolicyDecision.Allow)]
        [InlineData("""{"Statement":[{"Effect":"Allow","Action":"iot:*","Resource":"arn:aws:iot:*:*:provisioningtemplate/FACTORY-A"}]}""", "iot:DescribeProvisioningTemplate", PolicyDecision.ImplicitDeny)]
        [InlineData("""{"Statement":[{"Effect":"Allow","Action":"iot:*","NotResource":"arn:aws:iot:*:*:provisioningtemplate/factory-*"}]}""", "iot:DescribeProvisioningTemplate", PolicyDecision.ImplicitDeny)]
        public void Evaluate_IdentityPolicy(string policy, string action, PolicyDecision expected)
        {
            var decision = PolicyEvaluator.Evaluate(new[] { PolicyDocument.Parse(policy, PolicyKind.Identity) }, new PolicyRequest(action, Template, null, NoKeys));

            Assert.Equal(expected, decision);
        }

        [Fact]
        public void Evaluate_AResourceThatOnlyAddsATrailingNewline_IsNotTheResourceNamed()
        {
            // .NET's `$` also matches before a final "\n": the glob must end at the end of the text, or `…/factory-a` grants `…/factory-a\n`.
            var policy = PolicyDocument.Parse("""{"Statement":{"Effect":"Allow","Action":"iot:*","Resource":"arn:aws:iot:us-east-1:123456789012:provisioningtemplate/factory-a"}}""", PolicyKind.Identity);

            Assert.Equal(PolicyDecision.Allow, PolicyEvaluator.Evaluate(new[] { policy }, new PolicyRequest("iot:DescribeProvisioningTemplate", Template, null, NoKeys)));
            Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Evaluate(new[] { policy }, new PolicyRequest("iot:DescribeProvisioningTemplate", Template + "\n", null, NoKeys)));
        }

        [Theory]
        [InlineData("StringEquals", "aws:SourceAccount", "123456789012", PolicyDecision.Allow)]
        [InlineData("StringEquals", "aws:SourceAccount", "999999999999", PolicyDecision.ImplicitDeny)]
        [InlineData("ArnLike", "aws:SourceArn", "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/*", PolicyDecision.Allow)]
        [InlineData("ArnLike", "aws:SourceArn", "arn:aws:iot:*:*:provisioningtemplate/other", PolicyDecision.ImplicitDeny)]
        [InlineData("ArnEquals", "AWS:SOURCEARN", Template, PolicyDecision.Allow)]
        [InlineData("StringLike", "aws:SourceArn", "*factory-?", PolicyDecision.Allow)]
        [InlineData("StringNotEquals", "aws:SourceAccount", "123456789012", PolicyDecision.ImplicitDeny)]
        [InlineData("StringEquals", "aws:SourceVpc", "vpc-1", PolicyDecision.ImplicitDeny)]
        [InlineData("StringNotEquals", "aws:SourceVpc", "vpc-1", PolicyDecision.Allow)]
        public void Evaluate_ResourcePolicyConditions_AgainstContextKeys(string op, string key, string value, PolicyDecision expected)
        {
            string policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"iot.amazonaws.com\"}," +
                "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"arn:aws:lambda:us-east-1:123456789012:function:check\"," +
                $"\"Condition\":{{\"{op}\":{{\"{key}\":\"{value}\"}}}}}}]}}";
            var context = new Dictionary<string, string> { ["aws:SourceArn"] = Template, ["aws:SourceAccount"] = "123456789012" };

            var decision = PolicyEvaluator.Evaluate(new[] { PolicyDocument.Parse(policy, PolicyKind.Resource) },
                new PolicyRequest("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:check", "Service:iot.amazonaws.com", context));

            Assert.Equal(expected, decision);
        }

        [Fact]
        public void Evaluate_ResourcePolicyForAnotherPrincipal_IsImplicitDeny()
        {
            var policy = PolicyDocument.Parse("""{"Statement":{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"*"}}""", PolicyKind.Resource);

            var decision = PolicyEvaluator.Evaluate(new[] { policy }, new PolicyRequest("lambda:InvokeFunction", "arn:x", "Service:iot.amazonaws.com", NoKeys));

            Assert.Equal(PolicyDecision.ImplicitDeny, decision);
        }

        [Theory]
        [InlineData("""{"Statement":[]}""", "empty")]
        [InlineData("""{"Version":"2020-01-01","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}""", "Version")]
        [InlineData("""{"Statement":{"Effect":"Permit","Action":"*","Resource":"*"}}""", "Effect")]
        [InlineData("""{"Statement":{"Effect":"Allow","Action":"*","NotAction":"iot:x","Resource":"*"}}""", "exactly one of Action and NotAction")]
        [InlineData("""{"Statement":{"Effect":"Allow","Action":"*"}}""", "exactly one of Resource and NotResource")]
        [InlineData("""{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Principal":"*"}}""", "must not name a Principal")]
        [InlineData("""{"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2020-01-01"}}}}""", "DateGreaterThan")]
        [InlineData("""{"Statement":{"Effect":"Allow","Action":7,"Resource":"*"}}""", "Action must be a string or a list")]
        public void Parse_RefusesWhatItCannotEvaluate_NamingIt(string policy, string named)
        {
            var error = Assert.Throws<InvalidPolicyDocumentException>(() => PolicyDocument.Parse(policy, PolicyKind.Identity));

            Assert.Contains(named, error.Message);
        }
    }
}
