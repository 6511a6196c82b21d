namespace NanoFleet.Provisioning.Keys
{
    /// <summary>Reads a subjectPublicKeyInfo (RFC 5280 §4.1.2.7) out of a certificate or a CSR.</summary>
    internal static class SubjectPublicKeyInfoReader
    {
        /// <summary>
        /// Reads the SEQUENCE next in <paramref name="parent"/>: its whole range, and for RSA and
        /// named-curve EC keys the key's parts. Another algorithm is not an error here (a CSR's key is
        /// compared as whole bytes); its <see cref="PublicKey.Algorithm"/> stays Unknown.
        /// </summary>
        /// <param name="parent">Positioned at the subjectPublicKeyInfo.</param>
        /// <param name="what">The structure it is in, for the reason ("the certificate").</param>
        /// <param name="key">Receives the key's parts.</param>
        /// <param name="spkiOffset">Where the whole SEQUENCE (header included) starts.</param>
        /// <param name="spkiCount">Its length.</param>
        /// <param name="reason">Why it failed; empty on Success.</param>
        /// <returns>Success or Malformed.</returns>
        public static KeyMatchStatus Read(DerReader parent, string what, PublicKey key, out int spkiOffset, out int spkiCount, out string reason)
        {
            reason = "";
            spkiOffset = parent.Position;
            spkiCount = 0;
            byte[] der = parent.Buffer;
            DerReader? spki;
            DerReader? algorithm = null;
            int oidOffset = 0, oidCount = 0, bitsOffset = 0, bitsCount = 0;
            DerStatus status = parent.Enter(DerTag.Sequence, out spki);
            if (status == DerStatus.Success) status = spki!.Enter(DerTag.Sequence, out algorithm);
            if (status == DerStatus.Success) status = algorithm!.Read(DerTag.ObjectIdentifier, out oidOffset, out oidCount);
            if (status == DerStatus.Success) status = spki!.Read(DerTag.BitString, out bitsOffset, out bitsCount);
            if (status != DerStatus.Success)
            {
                return KeyReading.Malformed(what + "'s subjectPublicKeyInfo", status, out reason);
            }

            spkiCount = parent.Position - spkiOffset;
            if (bitsCount < 1 || der[bitsOffset] != 0)
            {
                return KeyReading.Malformed(what + "'s subjectPublicKey", "it is not a whole number of bytes", out reason);
            }

            KeyAlgorithm kind = KeyOids.AlgorithmOf(der, oidOffset, oidCount);
            if (kind == KeyAlgorithm.Rsa)
            {
                // The BIT STRING holds an RSAPublicKey: SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1).
                var bits = new DerReader(der, bitsOffset + 1, bitsCount - 1);
                DerReader? rsa;
                int nOffset = 0, nCount = 0, eOffset = 0, eCount = 0;
                status = bits.Enter(DerTag.Sequence, out rsa);
                if (status == DerStatus.Success) status = rsa!.Read(DerTag.Integer, out nOffset, out nCount);
                if (status == DerStatus.Success) status = rsa!.Read(DerTag.Integer, out eOffset, out eCount);
                if (status != DerStatus.Success)
                {
                    return KeyReading.Malformed(what + "'s RSA public key", status, out reason);
                }

                key.SetRsa(der, nOffset, nCount, eOffset, eCount);
            }
            else if (kind == KeyAlgorithm.Ec)
            {
                // The parameters name the curve (RFC 5480 §2.1.1: namedCurve is the only form allowed); the BIT STRING is the point.
                int curveOffset, curveCount;
                status = algorithm!.Read(DerTag.ObjectIdentifier, out curveOffset, out curveCount);
                if (status != DerStatus.Success)
                {
                    return KeyReading.Malformed(what + "'s EC curve", status, out reason);
                }

                key.SetEc(der, curveOffset, curveCount, bitsOffset + 1, bitsCount - 1);
            }

            return KeyMatchStatus.Success;
        }
    }
}
