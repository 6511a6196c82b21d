// API declaration of nanoframework/System.Net:nanoFramework.System.Net/SocketException.cs.
#nullable disable
using System;

namespace System.Net.Sockets
{
    public class SocketException : Exception
    {
        public SocketException(SocketError errorCode) => throw new NotImplementedException();

        public int ErrorCode => throw new NotImplementedException();
    }

    // nanoframework/System.Net:nanoFramework.System.Net/Sockets/SocketErrors.cs (only the constructor's parameter type is needed here).
    public enum SocketError
    {
        SocketError = -1,
        Success = 0,
    }
}
