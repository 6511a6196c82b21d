using System;

namespace NanoFleet.Cloud
{
    /// <summary>A stored provisioning template: its default version's body and whether it is enabled.</summary>
    /// <param name="Name">1-36 characters of [0-9A-Za-z_-].</param>
    /// <param name="Enabled">Disabled templates reject RegisterThing.</param>
    /// <param name="DefaultVersion">Versions count from 1; every put adds one and makes it the default.</param>
    /// <param name="Body">The template JSON of the default version.</param>
    /// <param name="UpdatedAt">When it last changed, on the emulator's clock.</param>
    public sealed record TemplateInfo(string Name, bool Enabled, int DefaultVersion, string Body, DateTimeOffset UpdatedAt)
    {
        /// <summary>The pre-provisioning hook, or null for none.</summary>
        public TemplateHook? PreProvisioningHook { get; init; }
    }
}
