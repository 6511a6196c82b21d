using System;
using NanoFleet.Cloud.Functions;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>The resource-policy grammar Lambda permissions use, evaluated as Lambda does for an invocation by
    /// iot.amazonaws.com on behalf of a template: principal, action, resource, and the source conditions.</summary>
    public class LambdaResourcePolicyTests
    {
        private const string Function = "arn:aws:lambda:us-east-1:123456789012:function:hook";
        private const string Fleet = "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/fleet";
        private const string Account = "123456789012";

        [Theory]
        [InlineData("ArnLike", "AWS:SourceArn", "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/*", true)]
        [InlineData("ArnLike", "aws:sourcearn", "arn:aws:iot:*:123456789012:provisioningtemplate/fleet", true)] // keys are case-insensitive
        [InlineData("ArnLike", "AWS:SourceArn", "arn:aws:iot:*:111122223333:provisioningtemplate/fleet", false)]
        [InlineData("ArnLike", "AWS:SourceArn", "arn:aws:iot:us-east-1:*", false)] // a * stays inside its ARN part
        [InlineData("ArnEquals", "AWS:SourceArn", "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/fl??t", true)]
        [InlineData("StringEquals", "AWS:SourceArn", Fleet, true)]
        [InlineData("StringEquals", "AWS:SourceArn", "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/*", false)]
        [InlineData("StringLike", "AWS:SourceArn", "arn:aws:iot:*", true)]
        [InlineData("StringEquals", "AWS:SourceAccount", Account, true)]
        [InlineData("StringEquals", "AWS:SourceAccount", "111122223333", false)]
        [InlineData("StringLike", "AWS:SourceAccount", "1234*", true)]
        public void Condition_OnTheSource_DecidesAndIsNotUnconditioned(string op, string key, string value, bool allowed)
        {
            string policy = Policy(Fill("""{"Sid":"s","Effect":"Allow","Principal":{"Service":"iot.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"%0","Condition":{"%1":{"%2":"%3"}}}""", Function, op, key, value));

            var decision = Evaluate(policy);

            Assert.Equal(allowed, decision.Allowed);
            Assert.False(decision.Unconditioned);
            if (!allowed)
            {
                Assert.Contains($"statement 's' allows only {op} {key} {value}", decision.Reason);
            }
        }

        [Fact]
        public void ValuesOfOneKey_AnyMatches_AndEveryKeyMustHold()
        {
            string policy = Policy(Fill("""{"Sid":"s","Effect":"Allow","Principal":{"Service":["sns.amazonaws.com","iot.amazonaws.com"]},"Action":["lambda:*"],"Resource":"%0","Condition":{"ArnLike":{"AWS:SourceArn":["arn:aws:iot:us-east-1:123456789012:provisioningtemplate/other","%1"]},"StringEquals":{"AWS:SourceAccount":"111122223333"}}}""", Function, Fleet));

            var decision = Evaluate(policy);

            Assert.False(decision.Allowed);
            Assert.Contains("AWS:SourceAccount", decision.Reason);
        }

        [Fact]
        public void NoConditions_Allowed_Unconditioned()
        {
            var decision = Evaluate(Policy(Fill("""{"Sid":"open","Effect":"Allow","Principal":{"Service":"iot.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"%0"}""", Function)));

            Assert.True(decision.Allowed);
            Assert.True(decision.Unconditioned);
        }

        [Theory]
        [InlineData("""{"Service":"sns.amazonaws.com"}""", "lambda:InvokeFunction", Function)]
        [InlineData("""{"AWS":"arn:aws:iam::123456789012:root"}""", "lambda:InvokeFunction", Function)]
        [InlineData("""{"Service":"iot.amazonaws.com"}""", "lambda:GetFunction", Function)]
        [InlineData("""{"Service":"iot.amazonaws.com"}""", "lambda:InvokeFunction", "arn:aws:lambda:us-east-1:123456789012:function:other")]
        public void OtherPrincipalActionOrResource_Denied(string principal, string action, string resource)
        {
            var decision = Evaluate(Policy(Fill("""{"Sid":"s","Effect":"Allow","Principal":%0,"Action":"%1","Resource":"%2"}""", principal, action, resource)));

            Assert.False(decision.Allowed);
            Assert.Contains("no statement of its resource policy allows iot.amazonaws.com lambda:InvokeFunction", decision.Reason);
        }

        [Fact]
        public void Deny_Wins_OverAnAllow()
        {
            string allow = Fill("""{"Sid":"a","Effect":"Allow","Principal":"*","Action":"*","Resource":"%0"}""", Function);
            string deny = Fill("""{"Sid":"d","Effect":"Deny","Principal":{"Service":"iot.amazonaws.com"},"Action":"lambda:Invoke*","Resource":"%0","Condition":{"StringEquals":{"AWS:SourceAccount":"%1"}}}""", Function, Account);

            var decision = Evaluate(Policy(allow + "," + deny));

            Assert.False(decision.Allowed);
            Assert.Contains("statement 'd' denies", decision.Reason);
        }

        [Theory]
        [InlineData("IpAddress", "aws:SourceIp", "operator IpAddress")]
        [InlineData("StringEquals", "aws:PrincipalOrgID", "aws:PrincipalOrgID")]
        public void ConditionTheEmulatorCannotEvaluate_NeverAllows(string op, string key, string reason)
        {
            var decision = Evaluate(Policy(Fill("""{"Sid":"s","Effect":"Allow","Principal":{"Service":"iot.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"%0","Condition":{"%1":{"%2":"x"}}}""", Function, op, key)));

            Assert.False(decision.Allowed);
            Assert.Contains(reason, decision.Reason);
        }

        [Fact]
        public void AddStatement_WritesWhatAddPermissionWrites_AndRefusesATakenSid()
        {
            var permission = new FunctionPermission("iot", FunctionPermission.IotPrincipal, SourceArn: Fleet, SourceAccount: Account);
            string policy = LambdaResourcePolicy.AddStatement(null, permission, Function);

            Assert.Equal(Policy(Fill("""{"Sid":"iot","Effect":"Allow","Principal":{"Service":"iot.amazonaws.com"},"Action":"lambda:InvokeFunction","Resource":"%0","Condition":{"StringEquals":{"AWS:SourceAccount":"%1"},"ArnLike":{"AWS:SourceArn":"%2"}}}""", Function, Account, Fleet)), policy);
            Assert.True(Evaluate(policy).Allowed);
            var taken = Assert.Throws<ArgumentException>(() => LambdaResourcePolicy.AddStatement(policy, permission, Function));
            Assert.Contains("The statement id (iot) provided already exists", taken.Message);
        }

        [Theory]
        [InlineData("bad sid", "iot.amazonaws.com", "lambda:InvokeFunction", null, null, "statement id 'bad sid'")]
        [InlineData("s", "", "lambda:InvokeFunction", null, null, "principal")]
        [InlineData("s", "iot.amazonaws.com", "iot:Publish", null, null, "action 'iot:Publish'")]
        [InlineData("s", "iot.amazonaws.com", "lambda:InvokeFunction", "provisioningtemplate/fleet", null, "source ARN 'provisioningtemplate/fleet'")]
        [InlineData("s", "iot.amazonaws.com", "lambda:InvokeFunction", null, "12345", "source account '12345'")]
        public void AddStatement_MalformedField_NamesIt(string sid, string principal, string action, string? sourceArn, string? sourceAccount, string named)
        {
            var error = Assert.Throws<ArgumentException>(() => LambdaResourcePolicy.AddStatement(null, new FunctionPermission(sid, principal, action, sourceArn, sourceAccount), Function));
            Assert.Contains(named, error.Message);
        }

        private static string Policy(string statements) => Fill("""{"Version":"2012-10-17","Id":"default","Statement":[%0]}""", statements);

        /// <summary>Puts <paramref name="values"/> in place of %0, %1… (JSON is all braces: no interpolation).</summary>
        private static string Fill(string json, params string[] values)
        {
            for (int i = values.Length - 1; i >= 0; i--)
            {
                json = json.Replace("%" + i, values[i], StringComparison.Ordinal);
            }

            return json;
        }

        private static LambdaInvokeDecision Evaluate(string policy) =>
            LambdaResourcePolicy.Evaluate(policy, Function, FunctionPermission.IotPrincipal, FunctionPermission.InvokeAction, Fleet, Account);
    }
}
