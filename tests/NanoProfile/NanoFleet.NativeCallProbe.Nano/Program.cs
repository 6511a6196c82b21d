using System;

namespace NanoFleet.NativeCallProbe
{
    /// <summary>
    /// Prints what two native calls return: one into mscorlib (DateTime.UtcNow), one into
    /// nanoFramework.Runtime.Native (GC.Run, the free heap in bytes). A library whose native method
    /// table is shifted calls the wrong function or none at all, and the line never appears.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            long ticks = DateTime.UtcNow.Ticks;
            uint freeBytes = nanoFramework.Runtime.Native.GC.Run(false);
            Console.WriteLine("native-call-probe: utc-ticks=" + ticks.ToString() + " free-heap=" + freeBytes.ToString());
        }
    }
}
