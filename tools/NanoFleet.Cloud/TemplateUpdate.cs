namespace NanoFleet.Cloud
{
    /// <summary>What UpdateProvisioningTemplate changes; a null member stays as it is.</summary>
    /// <param name="RemovePreProvisioningHook">True removes the hook (AWS's removePreProvisioningHook); it cannot be combined with a new hook.</param>
    public sealed record TemplateUpdate(
        string? Description = null,
        bool? Enabled = null,
        int? DefaultVersionId = null,
        string? ProvisioningRoleArn = null,
        TemplateHook? PreProvisioningHook = null,
        bool RemovePreProvisioningHook = false);
}
