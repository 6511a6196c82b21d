namespace NanoFleet.Provisioning.Keys
{
    /// <summary>The public-key algorithms whose keys the device can compare.</summary>
    internal enum KeyAlgorithm
    {
        /// <summary>Any other algorithm (its key is not compared).</summary>
        Unknown = 0,
        /// <summary>rsaEncryption: modulus and public exponent.</summary>
        Rsa,
        /// <summary>id-ecPublicKey with a named curve: curve and public point.</summary>
        Ec,
    }
}
