using System.Collections.Generic;
using System.Threading.Tasks;
using NanoFleet.Cloud.ControlPlane;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud
{
    public sealed partial class TemplateRegistry
    {
        /// <summary>AWS keeps at most 5 versions of a template.</summary>
        public const int MaxVersions = 5;

        /// <summary>CreateProvisioningTemplateVersion: adds a body as a new version, the default when <paramref name="setAsDefault"/>.</summary>
        /// <exception cref="InvalidTemplateException">The body breaks a rule.</exception>
        /// <exception cref="ResourceNotFoundException">No such template.</exception>
        /// <exception cref="AwsServiceException">VersionsLimitExceededException: it has 5 versions already.</exception>
        public Task<TemplateVersionInfo> CreateVersionAsync(string name, string body, bool setAsDefault)
        {
            ProvisioningTemplate.Parse(body);
            var now = _context.Clock.GetUtcNow();
            var version = _context.Store.Write(s =>
            {
                if (s.GetTemplate(name) is null)
                {
                    throw NotFound(name);
                }

                if (s.ListTemplateVersions(name).Count >= MaxVersions)
                {
                    throw AwsServiceException.VersionsLimitExceeded($"The provisioning template {name} already has {MaxVersions} versions, the most AWS keeps; delete one first.");
                }

                int id = s.AddTemplateVersion(name, body, now);
                if (setAsDefault)
                {
                    s.UpdateTemplate(name, new TemplateUpdate(DefaultVersionId: id), now);
                }

                return s.GetTemplateVersion(name, id)!;
            });
            _context.Log.Info("template", null, null, $"template '{name}' v{version.VersionId} added{(version.IsDefault ? " as the default" : string.Empty)}");
            return Task.FromResult(version);
        }

        /// <summary>ListProvisioningTemplateVersions: every version, oldest first.</summary>
        /// <exception cref="ResourceNotFoundException">No such template.</exception>
        public Task<IReadOnlyList<TemplateVersionInfo>> ListVersionsAsync(string name) =>
            Task.FromResult<IReadOnlyList<TemplateVersionInfo>>(_context.Store.Read(s =>
                s.GetTemplate(name) is null ? throw NotFound(name) : s.ListTemplateVersions(name)));

        /// <summary>DescribeProvisioningTemplateVersion.</summary>
        /// <exception cref="ResourceNotFoundException">No such template or version.</exception>
        public Task<TemplateVersionInfo> GetVersionAsync(string name, int versionId) =>
            Task.FromResult(_context.Store.Read(s => (s.GetTemplate(name) is null ? throw NotFound(name) : s.GetTemplateVersion(name, versionId))
                ?? throw new ResourceNotFoundException($"The provisioning template {name} has no version {versionId}.")));

        /// <summary>DeleteProvisioningTemplateVersion: never the default version.</summary>
        /// <exception cref="ResourceNotFoundException">No such template or version.</exception>
        /// <exception cref="AwsServiceException">DeleteConflictException: it is the default version.</exception>
        public Task DeleteVersionAsync(string name, int versionId)
        {
            _context.Store.Write(s =>
            {
                var template = s.GetTemplate(name) ?? throw NotFound(name);
                if (template.DefaultVersion == versionId)
                {
                    throw AwsServiceException.DeleteConflict($"Version {versionId} is the default version of {name}; make another version the default before deleting it.");
                }

                return s.DeleteTemplateVersion(name, versionId) ? true : throw new ResourceNotFoundException($"The provisioning template {name} has no version {versionId}.");
            });
            _context.Log.Info("template", null, null, $"template '{name}' v{versionId} deleted");
            return Task.CompletedTask;
        }
    }
}
