using System;
using System.Collections.Generic;
using NanoFleet.Cli.Device;

namespace NanoFleet.Cli.Demo
{
    /// <summary>
    /// What one demo device has done so far: its current step, the time spent in each step (summed
    /// over retries and boots), and how it ended. Updated from the device's thread, read by the view.
    /// </summary>
    public sealed class DeviceProgress
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, TimeSpan> _timeInStep = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        private string _step = "PoweredOff";
        private TimeSpan _enteredAt;
        private int _attempts;
        private int _retries;

        /// <summary>Creates the row for one device.</summary>
        public DeviceProgress(string name, string serialNumber, string macAddress, string imagePath)
        {
            Name = name;
            SerialNumber = serialNumber;
            MacAddress = macAddress;
            ImagePath = imagePath;
        }

        /// <summary>Device name, e.g. "dev-01".</summary>
        public string Name { get; }

        /// <summary>The SerialNumber RegisterThing parameter written into its claim partition.</summary>
        public string SerialNumber { get; }

        /// <summary>Its MAC (12 hex digits).</summary>
        public string MacAddress { get; }

        /// <summary>Its flash image.</summary>
        public string ImagePath { get; }

        /// <summary>The step it is in now.</summary>
        public string Step
        {
            get
            {
                lock (_gate)
                {
                    return _step;
                }
            }
        }

        /// <summary>Transient failures in a row (as the core counts them) at the last step change.</summary>
        public int Attempts
        {
            get
            {
                lock (_gate)
                {
                    return _attempts;
                }
            }
        }

        /// <summary>Steps entered with a retry count above zero: how many retries the device made in all.</summary>
        public int Retries
        {
            get
            {
                lock (_gate)
                {
                    return _retries;
                }
            }
        }

        /// <summary>Set when the device finished: Operational, or the failure.</summary>
        public string? Result { get; set; }

        /// <summary>The thing it runs as (when operational).</summary>
        public string ThingName { get; set; } = "";

        /// <summary>Its certificate id (when operational).</summary>
        public string CertificateId { get; set; } = "";

        /// <summary>Reboots it went through.</summary>
        public int Reboots { get; set; }

        /// <summary>Time from power-on to operational.</summary>
        public TimeSpan Total { get; set; }

        /// <summary>True once it finished, one way or the other.</summary>
        public bool Finished => Result is not null;

        /// <summary>Records a step change.</summary>
        public void OnStep(DeviceStepEventArgs e)
        {
            lock (_gate)
            {
                _timeInStep[_step] = TimeIn(_step) + (e.At - _enteredAt);
                _step = e.Step;
                _enteredAt = e.At;
                if (e.Attempts > 0 && e.Attempts != _attempts)
                {
                    _retries++;
                }

                _attempts = e.Attempts;
            }
        }

        /// <summary>Time spent in <paramref name="step"/> so far.</summary>
        public TimeSpan TimeIn(string step)
        {
            lock (_gate)
            {
                return _timeInStep.TryGetValue(step, out var spent) ? spent : TimeSpan.Zero;
            }
        }
    }
}
