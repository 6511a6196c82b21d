using System;
using System.Collections.Generic;
using System.IO;
using NanoFleet.Station.Rom;

namespace NanoFleet.Station.Tests.Rom
{
    /// <summary>
    /// A link that records what the host sends and plays back bytes the test wrote by hand from the
    /// protocol document, for exact byte-vector checks of each command.
    /// </summary>
    internal sealed class ScriptedLink : ISerialLink
    {
        private readonly Queue<byte> _incoming = new();

        public MemoryStream Sent { get; } = new();

        public string Name => "scripted";

        private int _baud = 115200;

        /// <summary>When set, reprogramming the baud rate or discarding input throws it, as a port whose device went away.</summary>
        public Exception? PortFailure { get; set; }

        public int BaudRate
        {
            get => _baud;
            set => _baud = PortFailure is null ? value : throw PortFailure;
        }

        public bool HasModemLines => false;

        public void Reply(params byte[] frame)
        {
            foreach (byte b in frame)
            {
                _incoming.Enqueue(b);
            }
        }

        public void SetDtr(bool asserted)
        {
        }

        public void SetRts(bool asserted)
        {
        }

        public void Write(byte[] buffer, int offset, int count) => Sent.Write(buffer, offset, count);

        public int Read(byte[] buffer, int offset, int count, TimeSpan timeout)
        {
            if (_incoming.Count == 0)
            {
                System.Threading.Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(10, timeout.TotalMilliseconds)));
            }

            int n = 0;
            while (n < count && _incoming.Count > 0)
            {
                buffer[offset + n++] = _incoming.Dequeue();
            }

            return n;
        }

        public void DiscardInput()
        {
            if (PortFailure is not null)
            {
                throw PortFailure;
            }
        }

        public void Dispose()
        {
        }
    }
}
