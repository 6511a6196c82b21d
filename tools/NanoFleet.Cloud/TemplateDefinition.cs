namespace NanoFleet.Cloud
{
    /// <summary>What CreateProvisioningTemplate stores: AWS's request fields.</summary>
    /// <param name="Type">FLEET_PROVISIONING or JITP.</param>
    public sealed record TemplateDefinition(
        string Name,
        string Body,
        bool Enabled,
        string? Description,
        string? ProvisioningRoleArn,
        TemplateHook? PreProvisioningHook,
        string Type = TemplateTypes.FleetProvisioning);
}
