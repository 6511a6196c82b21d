// API declaration of nanoframework/System.Net:nanoFramework.System.Net/Security/CryptographicException.cs.
// SslStream.AuthenticateAsClient throws it: ErrorCode is the MBEDTLS_X509_BADCERT_* bitmask when the
// server certificate failed verification, or the raw negative mbedTLS error when the handshake failed.
#nullable disable
using System;

namespace System.Security.Cryptography
{
    public class CryptographicException : Exception
    {
        public CryptographicException() => throw new NotImplementedException();

        public CryptographicException(int errorCode) => throw new NotImplementedException();

        public int ErrorCode => throw new NotImplementedException();
    }
}
