using System.Collections.Generic;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud
{
    /// <summary>Provisioning templates, stored by name and versioned.</summary>
    public sealed class TemplateRegistry
    {
        private readonly EmulatorContext _context;

        internal TemplateRegistry(EmulatorContext context)
        {
            _context = context;
        }

        /// <summary>Checks <paramref name="body"/> against AWS's rules and stores it as the new default version.</summary>
        /// <returns>The stored template.</returns>
        /// <exception cref="InvalidTemplateException">The name or body breaks a rule; the message says which.</exception>
        public Task<TemplateInfo> PutAsync(string name, string body, bool enabled = true)
        {
            TemplateRules.CheckName(name);
            ProvisioningTemplate.Parse(body);
            var now = _context.Clock.GetUtcNow();
            var info = _context.Store.Write(s =>
            {
                s.PutTemplate(name, body, enabled, now);
                return s.GetTemplate(name)!;
            });
            _context.Log.Info("template", null, null, $"stored template '{name}' v{info.DefaultVersion} ({(enabled ? "enabled" : "disabled")})");
            LogHookRisk(info);
            return Task.FromResult(info);
        }

        /// <summary>Sets (or with null removes) a stored template's pre-provisioning hook; the template's versions are untouched.</summary>
        /// <returns>The template, or null when it does not exist.</returns>
        /// <exception cref="InvalidTemplateException">The payload version is not AWS's 2020-04-01, or the ARN is not a Lambda function's.</exception>
        public Task<TemplateInfo?> SetPreProvisioningHookAsync(string name, TemplateHook? hook)
        {
            TemplateHookRules.Check(hook);
            var info = _context.Store.Write(s => s.SetTemplateHook(name, hook, _context.Clock.GetUtcNow()) ? s.GetTemplate(name) : null);
            if (info is not null)
            {
                _context.Log.Info("template", null, null, $"template '{name}': pre-provisioning hook {hook?.TargetArn ?? "removed"}");
                LogHookRisk(info);
            }

            return Task.FromResult(info);
        }

        /// <summary>Warns, when a template is stored, of a hook AWS IoT could not invoke or could invoke for anyone.</summary>
        private void LogHookRisk(TemplateInfo info)
        {
            if (info.PreProvisioningHook is { } hook &&
                new Functions.FunctionRegistry(_context).DescribeHookRisk(_context.Arns.ProvisioningTemplate(info.Name), hook.TargetArn) is { } risk)
            {
                _context.Log.Warn("template", null, null, risk);
            }
        }

        /// <summary>Enables or disables a template. Returns false when it does not exist.</summary>
        public Task<bool> SetEnabledAsync(string name, bool enabled) =>
            Task.FromResult(_context.Store.Read(s => s.SetTemplateEnabled(name, enabled, _context.Clock.GetUtcNow())));

        /// <summary>The template, or null.</summary>
        public Task<TemplateInfo?> GetAsync(string name) => Task.FromResult(_context.Store.Read(s => s.GetTemplate(name)));

        /// <summary>Every template, by name.</summary>
        public Task<IReadOnlyList<TemplateInfo>> ListAsync() => Task.FromResult<IReadOnlyList<TemplateInfo>>(_context.Store.Read(s => s.ListTemplates()));

        /// <summary>Deletes a template and all its versions. Returns false when it does not exist.</summary>
        public Task<bool> DeleteAsync(string name) => Task.FromResult(_context.Store.Write(s => s.DeleteTemplate(name)));
    }
}
