namespace NanoFleet.CoreBenchmark
{
    /// <summary>
    /// The CreateKeysAndCertificate accepted response as nanoFramework.Json fills it: it looks
    /// members up by the JSON key's exact name, so the fields are named as AWS names the keys.
    /// </summary>
    public sealed class CreateKeysResponse
    {
#pragma warning disable IDE1006 // named by the wire, not by C# convention
        public string certificateId = "";
        public string certificatePem = "";
        public string privateKey = "";
        public string certificateOwnershipToken = "";
#pragma warning restore IDE1006
    }
}
