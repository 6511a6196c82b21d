using System.Collections;
using NanoFleet.Hal;

namespace NanoFleet.Provisioning.Tests.Nano.Storage
{
    /// <summary>Keeps every log event as "Event: detail" (nano-compatible).</summary>
    internal sealed class RecordingLog : ILogSink
    {
        public ArrayList Lines { get; } = new ArrayList();

        public void Log(LogLevel level, string eventName, string detail) => Lines.Add(eventName + ": " + detail);

        public bool Has(string eventName, string fragment)
        {
            foreach (string line in Lines)
            {
                if (line.IndexOf(eventName + ": ") == 0 && line.IndexOf(fragment) >= 0) return true;
            }

            return false;
        }

        public string All()
        {
            string all = "";
            foreach (string line in Lines) all += line + "\n";
            return all;
        }
    }
}
