using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using NanoFleet.Cloud.Events;
using NanoFleet.Cloud.Functions;
using NanoFleet.Cloud.Hooks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>
    /// A template's hook is a function: RegisterThing over mTLS MQTT invokes it only when its resource policy lets
    /// iot.amazonaws.com invoke it for that template's ARN and the emulator's account, as Lambda decides; otherwise
    /// ACCESS_DENIED with a log line saying why. The function is a real local HTTP server (AllowListHook).
    /// </summary>
    public sealed class FunctionHookTests : IAsyncLifetime
    {
        private const string Account = "123456789012";
        private const string FleetArn = "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/fleet";
        private const string Function = "allow-list";
        private readonly ConcurrentQueue<EmulatorLogEventArgs> _log = new();
        private AllowListHook _hook = null!;
        private TestEmulator _env = null!;
        private ClaimCredentials _claim = null!;

        private FunctionRegistry Functions => _env.Emulator.Functions;

        private string FunctionArn => Functions.ArnOf(Function);

        public async Task InitializeAsync()
        {
            _hook = new AllowListHook("SerialNumber", new[] { "SN-1" });
            await _hook.StartAsync();
            _env = await TestEmulator.StartAsync();
            _env.Emulator.LogWritten += (_, e) => _log.Enqueue(e);
            _claim = await _env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await _env.Emulator.Templates.PutAsync("other", TemplateBodies.Fleet);
            await Functions.PutAsync(Function, _hook.Url);
        }

        public async Task DisposeAsync()
        {
            await _env.DisposeAsync();
            await _hook.DisposeAsync();
        }

        [Fact]
        public async Task SourceArnOfTheTemplate_HookIsInvoked_AndDecides()
        {
            await Functions.AddPermissionAsync(Function, new FunctionPermission("iot", FunctionPermission.IotPrincipal, SourceArn: FleetArn, SourceAccount: Account));
            await SetHookAsync("fleet");

            Assert.True((await RegisterAsync("SN-1")).Accepted);
            var denied = await RegisterAsync("SN-2");
            AssertAccessDenied(denied, "allowProvisioning");
            Assert.Equal(2, _hook.Requests);
            Assert.DoesNotContain(_log, e => e.Level == EmulatorLogLevel.Warning && e.Step == "template");
        }

        [Fact]
        public async Task SourceArnOfAnotherTemplate_AccessDenied_FunctionNeverCalled()
        {
            await Functions.AddPermissionAsync(Function, new FunctionPermission("iot", FunctionPermission.IotPrincipal,
                SourceArn: "arn:aws:iot:us-east-1:123456789012:provisioningtemplate/other", SourceAccount: Account));
            await SetHookAsync("fleet");

            var denied = await RegisterAsync("SN-1");

            AssertAccessDenied(denied, "provisioningtemplate/other");
            Assert.Contains(FleetArn, denied.Text("errorMessage"));
            Assert.Equal(0, _hook.Requests);
            Assert.Contains(_log, e => e.Step == "hook" && e.Level == EmulatorLogLevel.Warning && e.Message.Contains("AWS:SourceArn", StringComparison.Ordinal));
            Assert.Null(await _env.Emulator.Things.GetAsync("ThingPrefix_SN-1"));
        }

        [Fact]
        public async Task AnotherSourceAccount_AccessDenied()
        {
            await Functions.AddPermissionAsync(Function, new FunctionPermission("iot", FunctionPermission.IotPrincipal, SourceAccount: "111122223333"));
            await SetHookAsync("fleet");

            AssertAccessDenied(await RegisterAsync("SN-1"), "111122223333");
            Assert.Equal(0, _hook.Requests);
        }

        [Fact]
        public async Task PermissionWithoutConditions_Allowed_ButStoringTheTemplateWarnsOfTheConfusedDeputy()
        {
            await Functions.AddPermissionAsync(Function, new FunctionPermission("iot", FunctionPermission.IotPrincipal));
            await SetHookAsync("fleet");

            var warning = Assert.Single(_log, e => e.Level == EmulatorLogLevel.Warning && e.Step == "template");
            Assert.Contains(FunctionRegistry.ConfusedDeputyAdvice, warning.Message);
            Assert.Contains("Include the source-arn or source-account in the global condition context keys of the policies attached to your Lambda action", warning.Message);
            Assert.Contains("confused deputy", warning.Message);
            Assert.Contains(FunctionArn, warning.Message);
            Assert.Equal(warning.Message, Functions.DescribeHookRisk(FleetArn, FunctionArn));
            Assert.True((await RegisterAsync("SN-1")).Accepted);

            // A new version of the template is stored again: the warning comes again.
            await _env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet);
            Assert.Equal(2, _log.Count(e => e.Level == EmulatorLogLevel.Warning && e.Step == "template"));
        }

        [Fact]
        public async Task HookAddedToAnExistingTemplate_DeniesTheNextProvisioning()
        {
            Assert.True((await RegisterAsync("SN-9")).Accepted); // no hook yet: anyone with the claim provisions
            await Functions.AddPermissionAsync(Function, new FunctionPermission("iot", FunctionPermission.IotPrincipal, SourceArn: FleetArn, SourceAccount: Account));

            var updated = await SetHookAsync("fleet");

            Assert.Equal(1, updated.DefaultVersion); // the hook is the template's, not a new version
            Assert.Equal(new TemplateHook(FunctionArn), (await _env.Emulator.Templates.GetAsync("fleet"))!.PreProvisioningHook);
            AssertAccessDenied(await RegisterAsync("SN-10"), "allowProvisioning");
            Assert.Equal(1, _hook.Requests);
            Assert.True((await RegisterAsync("SN-1")).Accepted);
        }

        [Fact]
        public async Task FunctionDeleted_AccessDenied_AndStoringWarns()
        {
            await Functions.AddPermissionAsync(Function, new FunctionPermission("iot", FunctionPermission.IotPrincipal, SourceArn: FleetArn, SourceAccount: Account));
            await SetHookAsync("fleet");
            Assert.True((await RegisterAsync("SN-1")).Accepted);

            Assert.True(await Functions.DeleteAsync(Function));

            AssertAccessDenied(await RegisterAsync("SN-1"), $"function {Function} does not exist");
            Assert.Equal(1, _hook.Requests);
            await _env.Emulator.Templates.PutAsync("fleet", TemplateBodies.Fleet);
            Assert.Contains(_log, e => e.Level == EmulatorLogLevel.Warning && e.Step == "template" && e.Message.Contains("will be ACCESS_DENIED", StringComparison.Ordinal));
        }

        [Fact]
        public async Task FunctionWithoutPermission_AccessDenied()
        {
            await SetHookAsync("fleet");

            AssertAccessDenied(await RegisterAsync("SN-1"), "resource policy is empty");
            Assert.Equal(0, _hook.Requests);
        }

        [Fact]
        public async Task HookStateSurvivesARestart()
        {
            await Functions.AddPermissionAsync(Function, new FunctionPermission("iot", FunctionPermission.IotPrincipal, SourceArn: FleetArn, SourceAccount: Account));
            await SetHookAsync("fleet");

            await _env.RestartAsync();

            Assert.Equal(new TemplateHook(FunctionArn), (await _env.Emulator.Templates.GetAsync("fleet"))!.PreProvisioningHook);
            Assert.Equal(1, (await _env.Emulator.Functions.GetAsync(Function))!.Permissions);
            await using var device = await _env.ConnectAsync(_claim);
            Assert.False((await Flow.ProvisionAsync(device, "fleet", Flow.Serial("SN-2"))).Registered.Accepted);
            Assert.Equal(1, _hook.Requests);
        }

        private async Task<TemplateInfo> SetHookAsync(string template) =>
            await _env.Emulator.Templates.UpdateAsync(template, new TemplateUpdate(PreProvisioningHook: new TemplateHook(FunctionArn)));

        private async Task<ApiResponse> RegisterAsync(string serial)
        {
            await using var device = await _env.ConnectAsync(_claim);
            return (await Flow.ProvisionAsync(device, "fleet", Flow.Serial(serial))).Registered;
        }

        private static void AssertAccessDenied(ApiResponse response, string reason)
        {
            Assert.False(response.Accepted);
            Assert.Equal(403L, response.Body["statusCode"]);
            Assert.Equal("ACCESS_DENIED", response.Text("errorCode"));
            Assert.Contains(reason, response.Text("errorMessage"));
        }
    }
}
