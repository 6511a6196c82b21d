namespace NanoFleet.Provisioning.Keys
{
    /// <summary>
    /// Reads the public half out of a DER private key: PKCS#1 RSAPrivateKey (RFC 8017 A.1.2), SEC1
    /// ECPrivateKey (RFC 5915) and PKCS#8 PrivateKeyInfo (RFC 5208) around either.
    /// </summary>
    /// <remarks>
    /// An RSA private key carries n and e. An EC private key carries its public point only in the
    /// optional [1] publicKey field; without it the point is d·G, which takes EC arithmetic the
    /// device does not have, so such a key is Unsupported (and the response retried). AWS sends RSA
    /// keys; OpenSSL and .NET both write the [1] field.
    /// </remarks>
    internal static class PrivateKeyReader
    {
        /// <summary>Reads an RSAPrivateKey: SEQUENCE { version, modulus, publicExponent, … }.</summary>
        public static KeyMatchStatus ReadRsa(byte[] der, int offset, int count, PublicKey key, out string reason)
        {
            reason = "";
            DerReader? rsa;
            int nOffset = 0, nCount = 0, eOffset = 0, eCount = 0;
            DerStatus status = new DerReader(der, offset, count).Enter(DerTag.Sequence, out rsa);
            if (status == DerStatus.Success) status = rsa!.Read(DerTag.Integer, out _, out _);
            if (status == DerStatus.Success) status = rsa!.Read(DerTag.Integer, out nOffset, out nCount);
            if (status == DerStatus.Success) status = rsa!.Read(DerTag.Integer, out eOffset, out eCount);
            if (status != DerStatus.Success)
            {
                return KeyReading.Malformed("the RSA private key", status, out reason);
            }

            key.SetRsa(der, nOffset, nCount, eOffset, eCount);
            return KeyMatchStatus.Success;
        }

        /// <summary>
        /// Reads an ECPrivateKey: SEQUENCE { version, privateKey, [0] curve OPTIONAL, [1] publicKey OPTIONAL }.
        /// </summary>
        /// <param name="wrapperCurveOffset">The curve OID's content from a PKCS#8 wrapper, or -1 when there is none.</param>
        public static KeyMatchStatus ReadEc(byte[] der, int offset, int count, int wrapperCurveOffset, int wrapperCurveCount, PublicKey key, out string reason)
        {
            reason = "";
            DerReader? ec;
            DerStatus status = new DerReader(der, offset, count).Enter(DerTag.Sequence, out ec);
            if (status == DerStatus.Success) status = ec!.Read(DerTag.Integer, out _, out _);
            if (status == DerStatus.Success) status = ec!.Read(DerTag.OctetString, out _, out _);
            int curveOffset = wrapperCurveOffset, curveCount = wrapperCurveCount;
            if (status == DerStatus.Success && ec!.NextIs(DerTag.ContextConstructed0))
            {
                DerReader? parameters;
                status = ec.Enter(DerTag.ContextConstructed0, out parameters);
                if (status == DerStatus.Success) status = parameters!.Read(DerTag.ObjectIdentifier, out curveOffset, out curveCount);
                if (status == DerStatus.Success && wrapperCurveOffset >= 0
                    && !ByteRange.Equal(der, curveOffset, curveCount, der, wrapperCurveOffset, wrapperCurveCount))
                {
                    return KeyReading.Malformed("the EC private key", "it names two different curves", out reason);
                }
            }

            int bitsOffset = 0, bitsCount = 0;
            bool hasPoint = false;
            if (status == DerStatus.Success && ec!.NextIs(DerTag.ContextConstructed1))
            {
                DerReader? publicKey;
                status = ec.Enter(DerTag.ContextConstructed1, out publicKey);
                if (status == DerStatus.Success) status = publicKey!.Read(DerTag.BitString, out bitsOffset, out bitsCount);
                hasPoint = true;
            }

            if (status != DerStatus.Success)
            {
                return KeyReading.Malformed("the EC private key", status, out reason);
            }

            if (curveOffset < 0)
            {
                return KeyReading.Unsupported("the EC private key names no curve", out reason);
            }

            if (!hasPoint)
            {
                return KeyReading.Unsupported("the EC private key carries no public key, and deriving it takes EC arithmetic", out reason);
            }

            if (bitsCount < 1 || der[bitsOffset] != 0)
            {
                return KeyReading.Malformed("the EC private key's public key", "it is not a whole number of bytes", out reason);
            }

            key.SetEc(der, curveOffset, curveCount, bitsOffset + 1, bitsCount - 1);
            return KeyMatchStatus.Success;
        }

        /// <summary>
        /// Reads a PrivateKeyInfo: SEQUENCE { version, AlgorithmIdentifier, privateKey OCTET STRING, … },
        /// whose OCTET STRING holds an RSAPrivateKey (rsaEncryption) or an ECPrivateKey (id-ecPublicKey, curve in the parameters).
        /// </summary>
        public static KeyMatchStatus ReadPkcs8(byte[] der, int count, PublicKey key, out string reason)
        {
            reason = "";
            DerReader? info;
            DerReader? algorithm = null;
            int oidOffset = 0, oidCount = 0, innerOffset = 0, innerCount = 0;
            DerStatus status = new DerReader(der, 0, count).Enter(DerTag.Sequence, out info);
            if (status == DerStatus.Success) status = info!.Read(DerTag.Integer, out _, out _);
            if (status == DerStatus.Success) status = info!.Enter(DerTag.Sequence, out algorithm);
            if (status == DerStatus.Success) status = algorithm!.Read(DerTag.ObjectIdentifier, out oidOffset, out oidCount);
            if (status == DerStatus.Success) status = info!.Read(DerTag.OctetString, out innerOffset, out innerCount);
            if (status != DerStatus.Success)
            {
                return KeyReading.Malformed("the PKCS#8 private key", status, out reason);
            }

            KeyAlgorithm kind = KeyOids.AlgorithmOf(der, oidOffset, oidCount);
            if (kind == KeyAlgorithm.Rsa)
            {
                return ReadRsa(der, innerOffset, innerCount, key, out reason);
            }

            if (kind != KeyAlgorithm.Ec)
            {
                return KeyReading.Unsupported("the PKCS#8 private key is neither RSA nor EC", out reason);
            }

            int curveOffset, curveCount;
            status = algorithm!.Read(DerTag.ObjectIdentifier, out curveOffset, out curveCount);
            if (status != DerStatus.Success)
            {
                return KeyReading.Malformed("the PKCS#8 private key's EC curve", status, out reason);
            }

            return ReadEc(der, innerOffset, innerCount, curveOffset, curveCount, key, out reason);
        }
    }
}
