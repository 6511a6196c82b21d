namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The 18 provisioning topics: 3 APIs × 2 formats × (publish, accepted, rejected).
    /// The numeric value is (api * 6) + (format * 3) + apiTopic, so the parts can be recovered
    /// arithmetically without a lookup table.
    /// </summary>
    public enum FpTopic
    {
        /// <summary>Not a provisioning topic.</summary>
        Invalid = -1,
        JsonCreateKeysPublish = 0,
        JsonCreateKeysAccepted = 1,
        JsonCreateKeysRejected = 2,
        CborCreateKeysPublish = 3,
        CborCreateKeysAccepted = 4,
        CborCreateKeysRejected = 5,
        JsonCreateCertFromCsrPublish = 6,
        JsonCreateCertFromCsrAccepted = 7,
        JsonCreateCertFromCsrRejected = 8,
        CborCreateCertFromCsrPublish = 9,
        CborCreateCertFromCsrAccepted = 10,
        CborCreateCertFromCsrRejected = 11,
        JsonRegisterThingPublish = 12,
        JsonRegisterThingAccepted = 13,
        JsonRegisterThingRejected = 14,
        CborRegisterThingPublish = 15,
        CborRegisterThingAccepted = 16,
        CborRegisterThingRejected = 17,
    }
}
