#pragma warning disable CS0436 // on purpose the same full name as .NET's own CryptographicException

namespace System.Security.Cryptography
{
    /// <summary>
    /// Stands in for System.Net's CryptographicException (System.Net 1.11.55 and later; the pinned sources,
    /// 1.11.54, do not have it yet): an Exception of this full name whose code the nanoCLR writes into the
    /// field _errorCode (nf-interpreter sys_net_native.h, CryptographicException::FIELD___errorCode), which
    /// is all <see cref="NanoFleet.Hal.Esp32.ConnectFailure"/> relies on. .NET's own type of the same name
    /// has no such field.
    /// </summary>
    public sealed class CryptographicException : Exception
    {
        // Written by the nanoCLR on the device; by the constructor here.
        private readonly int _errorCode;

        public CryptographicException(int errorCode)
        {
            _errorCode = errorCode;
        }
    }
}
