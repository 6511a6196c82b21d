namespace NanoFleet.Cloud
{
    /// <summary>The payload encoding named by the topic's last request segment.</summary>
    public enum PayloadFormat
    {
        /// <summary>`json`.</summary>
        Json,

        /// <summary>`cbor`: a definite-length map with text keys.</summary>
        Cbor,
    }
}
