// API declaration of nanoframework/nanoFramework.Runtime.Native:nanoFramework.Runtime.Native/Power.cs and
// RebootOption.cs (package nanoFramework.Runtime.Native). Older releases lack the RebootOption
// parameter; calls that pass only the timeout compile against both.
#nullable disable
using System;

namespace nanoFramework.Runtime.Native
{
    public delegate void RebootEventHandler();

    public class Power
    {
        public static event RebootEventHandler OnRebootEvent { add => throw new NotImplementedException(); remove => throw new NotImplementedException(); }

        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) => throw new NotImplementedException();

        public static void RebootDevice(int exeConstraintTimeout, RebootOption rebootOption = RebootOption.NormalReboot) => throw new NotImplementedException();
    }

    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }
}
