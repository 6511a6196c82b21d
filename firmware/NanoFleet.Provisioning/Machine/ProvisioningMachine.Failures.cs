using NanoFleet.Hal;

namespace NanoFleet.Provisioning
{
    // What a failure does: every class is logged as its own event named after the failed step.
    public sealed partial class ProvisioningMachine
    {
        private void Fail(FailureClass failure, string reason, ActionList actions)
        {
            string step = ProvisioningNames.Of(_step);
            if (failure == FailureClass.TokenInvalid)
            {
                DropCertificate();
            }

            int delay;
            if (failure != FailureClass.Permanent)
            {
                _attempts++;
                if (_attempts < _options.MaxAttempts)
                {
                    delay = Backoff.FullJitter(_attempts, _options.BackoffBaseMilliseconds, _options.BackoffCapMilliseconds, _random);
                    actions.AddLog(LogLevel.Warning, step + FailureNames.Of(failure),
                        reason + "; retry " + _attempts + " of " + (_options.MaxAttempts - 1) + " in " + delay + " ms");
                    EnterBackoff(delay, actions);
                    return;
                }

            }

            // Permanent, or retries exhausted: start over from a fresh session after the long wait.
            delay = Backoff.Long(_options.PermanentFailureBackoffMilliseconds, _random);
            string eventName = failure == FailureClass.Permanent ? step + FailureNames.Of(failure) : step + "RetriesExhausted";
            actions.AddLog(LogLevel.Error, eventName, reason + (failure == FailureClass.Permanent ? "" : "; " + _attempts + " failures in a row")
                + "; next attempt in " + delay + " ms");
            _attempts = 0;
            if (_connected)
            {
                actions.Add(ProvisioningActionKind.Disconnect);
                ForgetSession();
            }

            EnterBackoff(delay, actions);
        }

        private void EnterBackoff(int delayMilliseconds, ActionList actions)
        {
            SetStep(ProvisioningStep.BackingOff, actions);
            StartTimer(delayMilliseconds, actions);
        }
    }
}
