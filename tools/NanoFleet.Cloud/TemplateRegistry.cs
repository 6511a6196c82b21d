using System.Collections.Generic;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud
{
    /// <summary>
    /// Provisioning templates, stored by name and versioned. <see cref="PutAsync"/> is the emulator's short
    /// form (store a body as the new default); the AWS IoT operations (create, update, versions) follow AWS's
    /// rules and errors: a body or setting that breaks a rule is <see cref="InvalidTemplateException"/>, a missing
    /// template or version <see cref="ResourceNotFoundException"/>, a conflict AWS names an <see cref="AwsServiceException"/>.
    /// </summary>
    public sealed partial class TemplateRegistry
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

        /// <summary>CreateProvisioningTemplate: a new template whose body is version 1, the default.</summary>
        /// <exception cref="InvalidTemplateException">The name, body or a setting breaks a rule.</exception>
        /// <exception cref="AwsServiceException">ResourceAlreadyExistsException: the name is taken.</exception>
        public Task<TemplateInfo> CreateAsync(TemplateDefinition definition)
        {
            TemplateRules.CheckName(definition.Name);
            ProvisioningTemplate.Parse(definition.Body);
            TemplateSettingRules.Check(definition.Description, definition.ProvisioningRoleArn, definition.PreProvisioningHook, definition.Type);
            var now = _context.Clock.GetUtcNow();
            var info = _context.Store.Write(s =>
            {
                if (s.GetTemplate(definition.Name) is not null)
                {
                    throw AwsServiceException.ResourceAlreadyExists($"A provisioning template named {definition.Name} already exists.");
                }

                s.PutTemplate(definition.Name, definition.Body, definition.Enabled, now);
                s.PutTemplateDetails(definition, now);
                return s.GetTemplate(definition.Name)!;
            });
            _context.Log.Info("template", null, null, $"created template '{info.Name}' ({info.Type}, {(info.Enabled ? "enabled" : "disabled")}{(info.PreProvisioningHook is { } hook ? ", hook " + hook.TargetArn : string.Empty)})");
            return Task.FromResult(info);
        }

        /// <summary>UpdateProvisioningTemplate: description, enabled, default version, role and hook.</summary>
        /// <exception cref="InvalidTemplateException">A value breaks a rule, or a hook is both given and removed.</exception>
        /// <exception cref="ResourceNotFoundException">No such template, or no such version to make the default.</exception>
        public Task<TemplateInfo> UpdateAsync(string name, TemplateUpdate update)
        {
            if (update.RemovePreProvisioningHook && update.PreProvisioningHook is not null)
            {
                throw new InvalidTemplateException("preProvisioningHook and removePreProvisioningHook cannot both be given.");
            }

            var info = _context.Store.Write(s =>
            {
                var current = s.GetTemplate(name) ?? throw NotFound(name);
                TemplateSettingRules.Check(update.Description, update.ProvisioningRoleArn, update.PreProvisioningHook, current.Type);
                if (update.DefaultVersionId is { } version && s.GetTemplateVersion(name, version) is null)
                {
                    throw new ResourceNotFoundException($"The provisioning template {name} has no version {version}.");
                }

                s.UpdateTemplate(name, update, _context.Clock.GetUtcNow());
                return s.GetTemplate(name)!;
            });
            _context.Log.Info("template", null, null, $"updated template '{name}': v{info.DefaultVersion} default, {(info.Enabled ? "enabled" : "disabled")}, hook {info.PreProvisioningHook?.TargetArn ?? "none"}");
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

        private static ResourceNotFoundException NotFound(string name) => new($"The provisioning template {name} does not exist.");
    }
}
