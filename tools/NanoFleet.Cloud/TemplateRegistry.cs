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
            return Task.FromResult(info);
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
