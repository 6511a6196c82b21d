using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Hooks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.Functions
{
    /// <summary>Invokes a template's pre-provisioning hook: its function's resource policy first, then the
    /// function itself over HTTP (<see cref="PreProvisioningHookClient"/>).</summary>
    internal sealed class HookInvoker : IDisposable
    {
        private readonly EmulatorContext _context;
        private readonly PreProvisioningHookClient _client;

        public HookInvoker(EmulatorContext context)
        {
            _context = context;
            _client = new PreProvisioningHookClient(context.Options.HookTimeout);
        }

        /// <summary>Returns the parameter overrides of an allowing answer.</summary>
        /// <exception cref="ProvisioningException">ACCESS_DENIED: IoT may not invoke the function, or it did not allow.</exception>
        public Task<IReadOnlyDictionary<string, string>> InvokeAsync(TemplateHook hook, HookRequest request, CancellationToken cancellationToken)
        {
            var authorization = HookAuthorization.Check(_context, hook.TargetArn, request.TemplateArn);
            if (authorization.Denial is { } denial)
            {
                throw ProvisioningException.AccessDenied($"AWS IoT may not invoke the pre-provisioning hook {hook.TargetArn}: {denial}.");
            }

            return _client.InvokeAsync(authorization.Function!.Url, request, cancellationToken);
        }

        public void Dispose() => _client.Dispose();
    }
}
