// API declaration of nanoframework/System.Net:nanoFramework.System.Net/X509Certificates/X509Certificate2.cs.
// The string-key constructors UTF-8 encode and NUL-terminate the key; the byte[] key constructor keeps
// the caller's array as PrivateKey (so a PEM key given as bytes must carry its own terminating 0).
#nullable disable
using System;

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2() => throw new NotImplementedException();

        public X509Certificate2(byte[] rawData) => throw new NotImplementedException();

        public X509Certificate2(string certificate) => throw new NotImplementedException();

        public X509Certificate2(string rawData, string key, string password) => throw new NotImplementedException();

        public X509Certificate2(byte[] rawData, string key, string password) => throw new NotImplementedException();

        public X509Certificate2(byte[] rawData, byte[] key, string password) => throw new NotImplementedException();

        public bool HasPrivateKey => throw new NotImplementedException();

        public byte[] PrivateKey => throw new NotImplementedException();

        public byte[] PublicKey => throw new NotImplementedException();

        public DateTime NotAfter => throw new NotImplementedException();

        public DateTime NotBefore => throw new NotImplementedException();

        public byte[] RawData => throw new NotImplementedException();
    }
}
