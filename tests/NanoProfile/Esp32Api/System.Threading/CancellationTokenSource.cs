// API declaration of nanoframework/System.Threading:nanoFramework.System.Threading/Threading/CancellationTokenSource.cs
// and CancellationToken.cs (package nanoFramework.System.Threading, assembly System.Threading).
#nullable disable
using System;

namespace System.Threading
{
    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource() => throw new NotImplementedException();

        public CancellationTokenSource(int millisecondsDelay) => throw new NotImplementedException();

        public bool IsCancellationRequested => throw new NotImplementedException();

        public CancellationToken Token => throw new NotImplementedException();

        public void Cancel() => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }

    public readonly struct CancellationToken
    {
        public bool IsCancellationRequested => throw new NotImplementedException();

        public WaitHandle WaitHandle => throw new NotImplementedException();
    }
}
