using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud.ControlPlane.Identities
{
    /// <summary>An identity's access key in the two forms AWS's tools read: environment variables and a credentials-file profile.</summary>
    public static class IdentityCredentials
    {
        /// <summary>`export AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… AWS_DEFAULT_REGION=…`, for `eval` in a shell.</summary>
        public static string ExportCommand(Identity identity, string region) =>
            $"export AWS_ACCESS_KEY_ID={identity.Key.Id} AWS_SECRET_ACCESS_KEY={identity.Key.Secret} AWS_DEFAULT_REGION={region}";

        /// <summary>Writes an AWS credentials file holding one profile named after the identity, readable by its owner only,
        /// through a temp file so a crash never leaves half a key.</summary>
        public static void WriteProfileFile(string path, Identity identity) =>
            CertificateAuthority.WriteSecret(path, $"[{identity.Name}]\naws_access_key_id = {identity.Key.Id}\naws_secret_access_key = {identity.Key.Secret}\n");
    }
}
