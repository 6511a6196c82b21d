using System.CommandLine;
using NanoFleet.Cloud.Monitoring;

namespace NanoFleet.Cli.Commands
{
    /// <summary>The claim misuse thresholds, as `cloud claim create` and `cloud claim limits` take them.</summary>
    internal sealed class ClaimLimitOptions
    {
        private readonly Option<int?> _registrations = Positive("--max-registrations-per-minute",
            "Alarm when the claim registers more things than this in one minute (on the emulator's clock).");

        private readonly Option<int?> _failures = Positive("--max-failures-per-minute",
            "Alarm when more of the claim's provisioning requests than this are rejected in one minute.");

        private readonly Option<int?> _addresses = Positive("--max-distinct-addresses",
            "Alarm when the claim's requests come from more source IP addresses than this.");

        private readonly Option<string> _onAlarm = new("--on-alarm")
        {
            Description = "What an alarm does besides being logged: log (nothing more), or deactivate (the claim becomes INACTIVE and its live connections are closed; `aws iot update-certificate --new-status ACTIVE` or the control plane turns it back on).",
            DefaultValueFactory = _ => "log",
        };

        public ClaimLimitOptions()
        {
            _onAlarm.AcceptOnlyFromAmong("log", "deactivate");
        }

        public void AddTo(Command command)
        {
            command.Options.Add(_registrations);
            command.Options.Add(_failures);
            command.Options.Add(_addresses);
            command.Options.Add(_onAlarm);
        }

        /// <summary>The thresholds given; an option left out is no limit.</summary>
        public ClaimLimits Read(ParseResult result) => new(
            result.GetValue(_registrations), result.GetValue(_failures), result.GetValue(_addresses),
            result.GetValue(_onAlarm) == "deactivate" ? ClaimAlarmAction.Deactivate : ClaimAlarmAction.Log);

        private static Option<int?> Positive(string name, string description)
        {
            var option = new Option<int?>(name) { Description = description + " Unset: no limit." };
            option.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is <= 0 and var value)
                {
                    r.AddError($"{name} {value}: must be more than 0");
                }
            });
            return option;
        }
    }
}
