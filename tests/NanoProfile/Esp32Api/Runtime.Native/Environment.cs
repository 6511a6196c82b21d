// API declaration of nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/System/Environment.cs
// (System.Environment is not in mscorlib 1.17.11; Runtime.Native adds TickCount64).
using System.Runtime.CompilerServices;

namespace System
{
    public static partial class Environment
    {
        public static long TickCount64 => throw new NotImplementedException();
    }
}
