using System;

namespace NanoFleet.Cloud
{
    /// <summary>A stored provisioning template: its default version's body, whether it is enabled, and what AWS keeps with it.</summary>
    /// <param name="Name">1-36 characters of [0-9A-Za-z_-].</param>
    /// <param name="Enabled">Disabled templates reject RegisterThing.</param>
    /// <param name="DefaultVersion">Versions count from 1; the default is the one RegisterThing uses.</param>
    /// <param name="Body">The template JSON of the default version.</param>
    /// <param name="UpdatedAt">When it last changed, on the emulator's clock (AWS's lastModifiedDate).</param>
    public sealed record TemplateInfo(string Name, bool Enabled, int DefaultVersion, string Body, DateTimeOffset UpdatedAt)
    {
        /// <summary>The pre-provisioning hook, or null for none.</summary>
        public TemplateHook? PreProvisioningHook { get; init; }

        /// <summary>Free text, at most 500 characters, or null.</summary>
        public string? Description { get; init; }

        /// <summary>The IAM role AWS IoT assumes to provision (`arn:aws:iam::ACCOUNT:role/NAME`), or null when stored without one.</summary>
        public string? ProvisioningRoleArn { get; init; }

        /// <summary>FLEET_PROVISIONING or JITP (<see cref="TemplateTypes"/>).</summary>
        public string Type { get; init; } = TemplateTypes.FleetProvisioning;

        /// <summary>When it was created (AWS's creationDate).</summary>
        public DateTimeOffset CreatedAt { get; init; }
    }
}
