namespace NanoFleet.Cloud
{
    /// <summary>AWS's provisioning template types.</summary>
    public static class TemplateTypes
    {
        /// <summary>Fleet provisioning by claim (the default).</summary>
        public const string FleetProvisioning = "FLEET_PROVISIONING";

        /// <summary>Just-in-time provisioning from a registered CA.</summary>
        public const string Jitp = "JITP";
    }
}
