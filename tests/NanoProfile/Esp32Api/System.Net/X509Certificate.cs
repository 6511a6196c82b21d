// API declaration of nanoframework/System.Net:nanoFramework.System.Net/X509Certificates/X509Certificate.cs
// (package nanoFramework.System.Net, assembly System.Net). DER or PEM; PEM given as byte[] must end in 0.
#nullable disable
using System;

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() => throw new NotImplementedException();

        public X509Certificate(byte[] certificate) => throw new NotImplementedException();

        public X509Certificate(string certificate) => throw new NotImplementedException();

        public virtual string Issuer => throw new NotImplementedException();

        public virtual string Subject => throw new NotImplementedException();

        public virtual DateTime GetEffectiveDate() => throw new NotImplementedException();

        public virtual DateTime GetExpirationDate() => throw new NotImplementedException();

        public virtual byte[] GetRawCertData() => throw new NotImplementedException();
    }
}
