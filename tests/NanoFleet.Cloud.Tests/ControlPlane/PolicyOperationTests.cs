using System;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests.ControlPlane
{
    /// <summary>CreatePolicy, GetPolicy, AttachPolicy and DetachPolicy, and an attached policy governing a certificate on the broker.</summary>
    public class PolicyOperationTests
    {
        private const string SensorPolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[" +
            "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"arn:aws:iot:us-east-1:123456789012:client/sensor-1\"}," +
            "{\"Effect\":\"Allow\",\"Action\":[\"iot:Publish\",\"iot:Receive\"],\"Resource\":\"arn:aws:iot:us-east-1:123456789012:topic/sensors/sensor-1/*\"}," +
            "{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\",\"Resource\":\"arn:aws:iot:us-east-1:123456789012:topicfilter/sensors/sensor-1/*\"}]}";

        [Fact]
        public async Task AttachedPolicy_GovernsTheCertificateOnTheBroker_UntilDetached()
        {
            await using var env = await TestEmulator.StartAsync();
            var api = new ControlPlaneCaller(env.Emulator);
            var created = (await api.CallAsync("POST", "/keys-and-certificate?setAsActive=true"))!;
            string arn = created["certificateArn"]!.GetValue<string>();
            string pem = created["certificatePem"]!.GetValue<string>(), key = created["keyPair"]!["PrivateKey"]!.GetValue<string>();
            Task<TestDevice> Connect() => TestDevice.ConnectAsync(env.Emulator.Port, env.Emulator.CaCertificatePem, pem, key, "sensor-1");

            await Assert.ThrowsAsync<InvalidOperationException>(Connect); // no policy: no iot:Connect

            var policy = (await api.CallAsync("POST", "/policies/sensor-policy", new JsonObject { ["policyDocument"] = SensorPolicy }))!;
            Assert.Equal("arn:aws:iot:us-east-1:123456789012:policy/sensor-policy", policy["policyArn"]!.GetValue<string>());
            Assert.Null(await api.CallAsync("PUT", "/target-policies/sensor-policy", new JsonObject { ["target"] = arn }));
            Assert.Equal(arn, api.ResourceArnOf("PUT", "/target-policies/sensor-policy", new JsonObject { ["target"] = arn })); // IAM sees the target

            await using (var sensor = await Connect())
            {
                Assert.Equal(MQTTnet.MqttClientSubscribeResultCode.GrantedQoS1, await sensor.SubscribeAsync("sensors/sensor-1/temp"));
                Assert.True((int)await sensor.SubscribeAsync("sensors/other/temp") >= 0x80); // MQTT 3.1.1 Failure
                await sensor.PublishAsync("sensors/sensor-1/temp", Encoding.UTF8.GetBytes("21.5"));
                Assert.Equal("21.5", Encoding.UTF8.GetString((await sensor.NextAsync(TimeSpan.FromSeconds(20))).Payload));

                await sensor.PublishAsync("sensors/other/temp", Encoding.UTF8.GetBytes("spoofed"), MQTTnet.Protocol.MqttQualityOfServiceLevel.AtMostOnce);
                await sensor.Disconnected.WaitAsync(TimeSpan.FromSeconds(30)); // AWS closes a connection that publishes where it may not
            }

            Assert.Null(await api.CallAsync("POST", "/target-policies/sensor-policy", new JsonObject { ["target"] = arn }));
            await Assert.ThrowsAsync<InvalidOperationException>(Connect);
            Assert.Empty(await env.Emulator.Policies.AttachedToAsync(created["certificateId"]!.GetValue<string>()));
        }

        [Fact]
        public async Task CreateAndGetPolicy_FollowAws_AndRefuseWhatAwsRefuses()
        {
            await using var env = await TestEmulator.StartAsync();
            var api = new ControlPlaneCaller(env.Emulator);
            var body = new JsonObject { ["policyDocument"] = SensorPolicy };

            await api.CallAsync("POST", "/policies/p1", body.DeepClone().AsObject());
            var got = (await api.CallAsync("GET", "/policies/p1"))!;
            Assert.Equal(SensorPolicy, got["policyDocument"]!.GetValue<string>());
            Assert.Equal("1", got["defaultVersionId"]!.GetValue<string>());

            var again = await api.FailsAsync("POST", "/policies/p1", new JsonObject { ["policyDocument"] = "{\"Version\":\"2012-10-17\",\"Statement\":[]}" });
            Assert.Equal((409, "ResourceAlreadyExistsException"), (again.StatusCode, again.ErrorType));
            Assert.Equal(SensorPolicy, await env.Emulator.Policies.GetAsync("p1")); // not replaced

            var malformed = await api.FailsAsync("POST", "/policies/p2", new JsonObject { ["policyDocument"] = "{not json" });
            Assert.Equal((400, "MalformedPolicyException"), (malformed.StatusCode, malformed.ErrorType));
            Assert.Equal("InvalidRequestException", (await api.FailsAsync("POST", "/policies/p3", new JsonObject())).ErrorType);
            Assert.Equal("InvalidRequestException", (await api.FailsAsync("POST", "/policies/bad%20name", body.DeepClone().AsObject())).ErrorType);
            Assert.Equal((404, "ResourceNotFoundException"), await api.ErrorOfAsync("GET", "/policies/p2"));
            Assert.Null(await env.Emulator.Policies.GetAsync("p2"));
        }

        [Fact]
        public async Task AttachPolicy_ToAMissingPolicyOrCertificate_OrANonCertificateTarget_IsRefused()
        {
            await using var env = await TestEmulator.StartAsync();
            var api = new ControlPlaneCaller(env.Emulator);
            string arn = (await api.CallAsync("POST", "/keys-and-certificate?setAsActive=true"))!["certificateArn"]!.GetValue<string>();
            await api.CallAsync("POST", "/policies/p", new JsonObject { ["policyDocument"] = SensorPolicy });

            Assert.Equal((404, "ResourceNotFoundException"), await api.ErrorOfAsync("PUT", "/target-policies/missing", new JsonObject { ["target"] = arn }));
            Assert.Equal((404, "ResourceNotFoundException"), await api.ErrorOfAsync("PUT", "/target-policies/p",
                new JsonObject { ["target"] = "arn:aws:iot:us-east-1:123456789012:cert/" + new string('0', 64) }));
            Assert.Equal((400, "InvalidRequestException"), await api.ErrorOfAsync("PUT", "/target-policies/p",
                new JsonObject { ["target"] = "arn:aws:iot:us-east-1:123456789012:thinggroup/lamps" }));
            Assert.Equal((400, "InvalidRequestException"), await api.ErrorOfAsync("PUT", "/target-policies/p", new JsonObject()));

            for (int i = 0; i < 10; i++)
            {
                await api.CallAsync("POST", $"/policies/q{i}", new JsonObject { ["policyDocument"] = SensorPolicy });
                await api.CallAsync("PUT", $"/target-policies/q{i}", new JsonObject { ["target"] = arn });
            }

            Assert.Equal((410, "LimitExceededException"), await api.ErrorOfAsync("PUT", "/target-policies/p", new JsonObject { ["target"] = arn }));
        }
    }
}
