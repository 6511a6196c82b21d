using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using NanoFleet.Cli.Device;

namespace NanoFleet.EndToEnd.Tests.Support
{
    /// <summary>Records every step a device enters, and runs a test's action the first time it enters one.</summary>
    public sealed class StepRecorder
    {
        private readonly ConcurrentQueue<DeviceStepEventArgs> _steps = new ConcurrentQueue<DeviceStepEventArgs>();
        private readonly Dictionary<string, Action> _onFirst = new Dictionary<string, Action>(StringComparer.Ordinal);

        public StepRecorder(VirtualDevice device)
        {
            device.StepChanged += (_, e) =>
            {
                _steps.Enqueue(e);
                Action? action = null;
                lock (_onFirst)
                {
                    if (_onFirst.Remove(e.Step, out var found))
                    {
                        action = found;
                    }
                }

                action?.Invoke();
            };
        }

        /// <summary>Steps in order.</summary>
        public IReadOnlyList<string> Steps => _steps.Select(s => s.Step).ToList();

        /// <summary>The last step entered.</summary>
        public string Last => _steps.LastOrDefault()?.Step ?? "";

        /// <summary>How many times <paramref name="step"/> was entered.</summary>
        public int Count(string step) => _steps.Count(s => s.Step == step);

        /// <summary>Runs <paramref name="action"/> on the device's thread the first time it enters <paramref name="step"/>.</summary>
        public StepRecorder OnFirst(string step, Action action)
        {
            lock (_onFirst)
            {
                _onFirst[step] = action;
            }

            return this;
        }
    }
}
