namespace NanoFleet.Cloud.ControlPlane.Identities
{
    /// <summary>
    /// The identities an emulator gets at first start. `operator` may do anything on AWS IoT (`iot:*` on `*`).
    /// `installer` is the seed's trusted user, with the minimal installer policy: only
    /// `iot:CreateProvisioningClaim` on the region's and account's provisioning templates.
    /// </summary>
    public static class DefaultIdentities
    {
        public const string Operator = "operator";

        public const string Installer = "installer";

        public const string OperatorPolicy =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}";

        /// <summary>The seed's minimal installer policy for <paramref name="region"/> and <paramref name="accountId"/>.</summary>
        public static string InstallerPolicy(string region, string accountId) =>
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:CreateProvisioningClaim\"," +
            $"\"Resource\":\"arn:aws:iot:{region}:{accountId}:provisioningtemplate/*\"}}]}}";
    }
}
