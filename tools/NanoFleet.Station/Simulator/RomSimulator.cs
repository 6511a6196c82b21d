using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using NanoFleet.Station.Rom;

namespace NanoFleet.Station.Simulator
{
    /// <summary>
    /// The ROM side of the ESP32 serial loader over any <see cref="ISerialLink"/> (the device end of a
    /// pty pair): 4 status bytes, eight SYNC replies, MD5 as 32 hex characters, ROM error codes. Input is
    /// held to the current baud rate, so timings match a real UART. Faults come from <see cref="SimulatorFaults"/>.
    /// </summary>
    public sealed class RomSimulator
    {
        private const uint SyncReplyValue = 0x20120707;

        private readonly ISerialLink _link;
        private readonly IFlashMemory _flash;
        private readonly SimulatedChip _chip;
        private readonly SimulatorFaults _faults;
        private readonly Random _random;
        private readonly SlipDecoder _decoder = new(0x4400);
        private FlashSession? _session;
        private bool _attached;
        private int _baud;
        private long _flashBytesReceived;
        private long _throttledBytes;
        private Stopwatch _throttleClock = Stopwatch.StartNew();

        /// <summary>Creates the simulator; call <see cref="Run"/> to serve.</summary>
        /// <param name="link">The device end of the serial link.</param>
        /// <param name="flash">The chip's flash.</param>
        /// <param name="chip">MAC, revision and registers.</param>
        /// <param name="faults">Faults to inject, or null for none.</param>
        /// <param name="throttle">Hold input to the baud rate (true for realistic timing).</param>
        public RomSimulator(ISerialLink link, IFlashMemory flash, SimulatedChip chip, SimulatorFaults? faults = null,
            bool throttle = true)
        {
            _link = link ?? throw new ArgumentNullException(nameof(link));
            _flash = flash ?? throw new ArgumentNullException(nameof(flash));
            _chip = chip ?? throw new ArgumentNullException(nameof(chip));
            _faults = faults ?? SimulatorFaults.None;
            _random = new Random(_faults.Seed);
            Throttle = throttle;
            _baud = link.BaudRate;
        }

        /// <summary>Whether input is held to the baud rate.</summary>
        public bool Throttle { get; }

        /// <summary>Current simulated baud rate.</summary>
        public int Baud => _baud;

        /// <summary>Requests handled so far.</summary>
        public int RequestsHandled { get; private set; }

        /// <summary>Faults actually injected so far.</summary>
        public int FaultsInjected { get; private set; }

        /// <summary>True once the simulated chip was unplugged by a fault; it never answers again.</summary>
        public bool Unplugged { get; private set; }

        /// <summary>
        /// Serves requests until <paramref name="cancel"/> fires or the link closes. After an unplug
        /// fault the chip is gone but the USB-UART bridge on the station side stays: input is drained
        /// and nothing answers, as when a DUT drops out of a fixture.
        /// </summary>
        public void Run(CancellationToken cancel)
        {
            var buffer = new byte[4096];
            while (!cancel.IsCancellationRequested)
            {
                int n;
                try
                {
                    n = _link.Read(buffer, 0, buffer.Length, TimeSpan.FromMilliseconds(200));
                }
                catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
                {
                    return;
                }

                if (Unplugged)
                {
                    continue;
                }

                HoldToLineRate(n);
                for (int i = 0; i < n && !Unplugged; i++)
                {
                    byte[]? packet = _decoder.Feed(buffer[i]);
                    if (packet is not null)
                    {
                        Handle(packet);
                    }
                }
            }
        }

        private void Handle(byte[] packet)
        {
            packet = InjectReceiveFaults(packet);
            if (packet.Length < RomCommands.HeaderSize || packet[0] != RomCommands.DirectionRequest)
            {
                return; // the ROM ignores what is not a request
            }

            RequestsHandled++;
            byte op = packet[1];
            if (Chance(_faults.Timeouts))
            {
                FaultsInjected++;
                return;
            }

            if (!RomPacket.TryDecodeRequest(packet, out RomRequest request))
            {
                Fail(op, RomErrors.InvalidMessage);
                return;
            }

            switch (request.Op)
            {
                case RomCommands.Sync:
                    OnSync(request);
                    break;
                case RomCommands.ReadReg when request.Data.Length == 4:
                    Reply(op, _chip.ReadRegister(Word(request.Data, 0)));
                    break;
                case RomCommands.WriteReg when request.Data.Length == 16:
                    _chip.WriteRegister(Word(request.Data, 0), Word(request.Data, 4), Word(request.Data, 8));
                    Reply(op, 0);
                    break;
                case RomCommands.SpiAttach when request.Data.Length == 8:
                    _attached = true;
                    Reply(op, 0);
                    break;
                case RomCommands.SpiSetParams when request.Data.Length == 24:
                    Reply(op, 0);
                    break;
                case RomCommands.FlashBegin or RomCommands.FlashDeflBegin when request.Data.Length == 16:
                    OnBegin(request);
                    break;
                case RomCommands.FlashData or RomCommands.FlashDeflData when request.Data.Length >= 16:
                    OnData(request);
                    break;
                case RomCommands.FlashEnd or RomCommands.FlashDeflEnd when request.Data.Length == 4:
                    _session = null;
                    Reply(op, 0);
                    break;
                case RomCommands.SpiFlashMd5 when request.Data.Length == 16:
                    OnMd5(request);
                    break;
                case RomCommands.ChangeBaudRate when request.Data.Length == 8:
                    Reply(op, 0);
                    _baud = _chip.RealBaud(Word(request.Data, 0));
                    _link.BaudRate = _baud;
                    RestartThrottle();
                    break;
                case RomCommands.GetSecurityInfo when _chip.SecurityInfoChipId is uint chipId:
                    byte[] info = new byte[20 + RomCommands.RomStatusBytes];
                    BinaryPrimitives.WriteUInt32LittleEndian(info.AsSpan(12), chipId);
                    Send(RomPacket.EncodeResponse(op, 0, info));
                    break;
                default:
                    Fail(op, RomErrors.InvalidMessage);
                    break;
            }
        }

        private void OnSync(RomRequest request)
        {
            byte[] expected = RomCommands.SyncPayload();
            if (!request.Data.AsSpan().SequenceEqual(expected))
            {
                Fail(request.Op, RomErrors.InvalidMessage);
                return;
            }

            for (int i = 0; i < RomCommands.SyncReplies; i++)
            {
                Reply(request.Op, SyncReplyValue);
            }
        }

        private void OnBegin(RomRequest request)
        {
            if (!_attached)
            {
                Fail(request.Op, RomErrors.FailedToAct);
                return;
            }

            var session = new FlashSession(_flash, Word(request.Data, 0), Word(request.Data, 4), Word(request.Data, 8),
                Word(request.Data, 12), request.Op == RomCommands.FlashDeflBegin);
            if (!session.Begin())
            {
                _session = null;
                Fail(request.Op, RomErrors.InvalidMessage);
                return;
            }

            _session = session;
            Reply(request.Op, 0);
        }

        private void OnData(RomRequest request)
        {
            byte[] data = request.Data;
            int length = (int)Word(data, 0);
            int sequence = (int)Word(data, 4);
            bool compressed = request.Op == RomCommands.FlashDeflData;
            if (_session is null || _session.Compressed != compressed || length != data.Length - 16)
            {
                Fail(request.Op, RomErrors.InvalidMessage);
                return;
            }

            if (RomPacket.Checksum(data, 16, length) != request.Checksum)
            {
                Fail(request.Op, RomErrors.ChecksumError);
                return;
            }

            if (sequence == _session.NextSequence - 1)
            {
                Reply(request.Op, 0); // a resend after our reply was lost: already written
                return;
            }

            if (sequence != _session.NextSequence || sequence >= _session.Blocks)
            {
                Fail(request.Op, RomErrors.InvalidMessage);
                return;
            }

            _flashBytesReceived += length;
            if (_faults.UnplugAfterFlashBytes >= 0 && _flashBytesReceived > _faults.UnplugAfterFlashBytes)
            {
                // Half of this block reaches flash, then the cable goes.
                _session.Accept(data.AsSpan(16, length / 2).ToArray(), -1);
                FaultsInjected++;
                Unplugged = true;
                return;
            }

            if (!_session.Accept(data.AsSpan(16, length).ToArray(), _faults.SilentCorruptionAddress))
            {
                Fail(request.Op, compressed ? RomErrors.DeflateError : RomErrors.FlashWriteError);
                return;
            }

            Reply(request.Op, 0);
        }

        private void OnMd5(RomRequest request)
        {
            int address = (int)Word(request.Data, 0);
            int size = (int)Word(request.Data, 4);
            if (address < 0 || size < 0 || (long)address + size > _flash.Size)
            {
                Fail(request.Op, RomErrors.FlashReadLengthError);
                return;
            }

            var bytes = new byte[size];
            if (!_flash.Read(address, bytes, 0, size))
            {
                Fail(request.Op, RomErrors.FlashReadError);
                return;
            }

            byte[] hex = Encoding.ASCII.GetBytes(Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant());
            Send(RomPacket.EncodeResponse(request.Op, 0, Concat(hex, new byte[RomCommands.RomStatusBytes])));
        }

        private void Reply(byte op, uint value) =>
            Send(RomPacket.EncodeResponse(op, value, new byte[RomCommands.RomStatusBytes]));

        private void Fail(byte op, byte error) =>
            Send(RomPacket.EncodeResponse(op, 0, new byte[] { 1, error, 0, 0 }));

        private void Send(byte[] packet)
        {
            if (Chance(_faults.ReplyGarbage))
            {
                FaultsInjected++;
                var garbage = new byte[1 + _random.Next(8)];
                _random.NextBytes(garbage);
                for (int i = 0; i < garbage.Length; i++)
                {
                    if (garbage[i] == Slip.End)
                    {
                        garbage[i] = 0x00;
                    }
                }

                WriteSafely(garbage);
            }

            WriteSafely(Slip.Encode(packet, 0, packet.Length));
        }

        private void WriteSafely(byte[] frame)
        {
            try
            {
                _link.Write(frame, 0, frame.Length);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or TimeoutException)
            {
                // The host went away; Run notices on its next read.
            }
        }

        private byte[] InjectReceiveFaults(byte[] packet)
        {
            if (packet.Length > 0 && Chance(_faults.LineNoise))
            {
                FaultsInjected++;
                packet[_random.Next(packet.Length)] ^= (byte)(1 << _random.Next(8));
            }

            if (packet.Length > 1 && Chance(_faults.DroppedBytes))
            {
                FaultsInjected++;
                int at = _random.Next(packet.Length);
                packet = Concat(packet.AsSpan(0, at).ToArray(), packet.AsSpan(at + 1).ToArray());
            }

            return packet;
        }

        // A UART delivers baud/10 bytes a second (8N1). Sleeping here stops reading the pty, whose
        // buffer fills and blocks the host's writes, so the host sees a line of the right speed.
        private void HoldToLineRate(int bytes)
        {
            if (!Throttle || bytes <= 0)
            {
                return;
            }

            _throttledBytes += bytes;
            double due = _throttledBytes * 10.0 / _baud;
            double ahead = due - _throttleClock.Elapsed.TotalSeconds;
            if (ahead > 0.001)
            {
                Thread.Sleep(TimeSpan.FromSeconds(ahead));
            }
            else if (ahead < -0.05)
            {
                RestartThrottle(); // idle time is not credit for a later burst
            }
        }

        private void RestartThrottle()
        {
            _throttledBytes = 0;
            _throttleClock = Stopwatch.StartNew();
        }

        private bool Chance(double probability) => probability > 0 && _random.NextDouble() < probability;

        private static uint Word(byte[] data, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));

        private static byte[] Concat(byte[] a, byte[] b)
        {
            var result = new byte[a.Length + b.Length];
            a.CopyTo(result, 0);
            b.CopyTo(result, a.Length);
            return result;
        }
    }
}
