using System.Reflection;

[assembly: AssemblyTitle("NanoFleet.Hal.Esp32")]
[assembly: AssemblyDescription("NanoFleet HAL for ESP32 on .NET nanoFramework: M2Mqtt mTLS session, partition interop, Wi-Fi, reboot, identity.")]

// This assembly has InternalCall methods (NativeFlash) implemented in the custom nanoCLR; the
// nanoCLR refuses to load it unless the native side reports this version (and the stub checksum).
[assembly: AssemblyNativeVersion("1.0.0.0")]
