using System;
using NanoFleet.Hal.Host.Flash;
using NanoFleet.Station.Operations;
using NanoFleet.Station.Rom;
using NanoFleet.Station.Simulator;
using NanoFleet.Station.Targets;

namespace NanoFleet.Station.Tests.Simulator
{
    /// <summary>A simulator on a real socat pty pair plus the station's open port to it.</summary>
    internal sealed class SimulatedDevice : IDisposable
    {
        public static readonly byte[] DefaultMac = { 0x24, 0x0A, 0xC4, 0x12, 0x34, 0x56 };

        public SimulatedDevice(SimulatorFaults? faults = null, int flashSize = 0x400000, byte[]? mac = null,
            int revision = 301, uint magic = Esp32Target.ChipDetectMagic, bool throttle = false, string? imageFile = null, uint? securityInfoChipId = null)
        {
            Chip = imageFile is null ? NorFlash.CreateBlank(flashSize) : NorFlash.OpenFile(imageFile, flashSize);
            Flash = new NorFlashMemory(Chip);
            Host = new SimulatorHost(Flash, new SimulatedChip(mac ?? DefaultMac, revision, magic, securityInfoChipId), faults, throttle);
            Port = new SerialPortLink(Host.PortPath, 115200);
            Link = new RomLink(Port);
        }

        public NorFlash Chip { get; }

        public NorFlashMemory Flash { get; }

        public SimulatorHost Host { get; }

        public SerialPortLink Port { get; }

        public RomLink Link { get; }

        public EspTarget Connect()
        {
            EspTarget target = Connector.Connect(Link, attempts: 2);
            Connector.PrepareFlash(target, (uint)Chip.Size);
            return target;
        }

        public byte[] ReadFlash(int address, int count)
        {
            var bytes = new byte[count];
            Flash.Read(address, bytes, 0, count);
            return bytes;
        }

        public void Dispose()
        {
            Port.Dispose();
            Host.Dispose();
            Chip.Dispose();
        }
    }
}
