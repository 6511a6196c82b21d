using NanoFleet.Hal;
using NanoFleet.Provisioning.Storage;

namespace NanoFleet.Provisioning
{
    // Session, timer, CSR and store events.
    public sealed partial class ProvisioningMachine
    {
        private void OnConnectCompleted(ProvisioningEvent e, ActionList actions)
        {
            MqttConnectResult result = e.ConnectResult;
            if (_step == ProvisioningStep.ConnectingAsThing)
            {
                OnThingConnectCompleted(e, actions);
            }
            else if (_step != ProvisioningStep.ConnectingWithClaim)
            {
                // The connect timed out earlier and the flow moved on; never keep a session it did not ask for.
                actions.AddLog(LogLevel.Warning, "StaleConnectResultIgnored", FailureNames.Of(result) + " while " + ProvisioningNames.Of(_step));
                if (result == MqttConnectResult.Success && !_connected)
                {
                    actions.Add(ProvisioningActionKind.Disconnect);
                }
            }
            else if (result == MqttConnectResult.Success)
            {
                _connected = true;
                actions.AddLog(LogLevel.Info, "ConnectedWithClaim", _claimCredentials.Host);
                Advance(e, actions);
            }
            else
            {
                Fail(FailureClassifier.ClassifyConnect(result), "connect with the claim: " + FailureNames.Of(result), actions);
            }
        }

        private void OnThingConnectCompleted(ProvisioningEvent e, ActionList actions)
        {
            MqttConnectResult result = e.ConnectResult;
            if (result == MqttConnectResult.Success)
            {
                _connected = true;
                _credentialsRejected = 0;
                _attempts = 0;
                SetStep(ProvisioningStep.Operational, actions);
                actions.AddLog(LogLevel.Info, "Operational", _credentials!.ThingName);
                actions.Add(ProvisioningActionKind.BecameOperational).SetText(_credentials.ThingName);
            }
            else if (result == MqttConnectResult.CredentialsRejected)
            {
                // Only an authentication refusal counts: a network failure says nothing about the certificate.
                _credentialsRejected++;
                if (_credentialsRejected >= _options.CredentialsRejectedLimit)
                {
                    actions.AddLog(LogLevel.Error, "DeviceCredentialsMarkedBad",
                        "the broker rejected " + _credentials + " " + _credentialsRejected + " times in a row; provisioning again with the claim");
                    actions.Add(ProvisioningActionKind.MarkCredentialsBad);
                    _thingCredentials = null;
                    _credentials = null;
                    _credentialsRejected = 0;
                    _attempts = 0;
                    Advance(e, actions);
                }
                else
                {
                    Fail(FailureClass.Transient, "device credentials rejected (" + _credentialsRejected + " of " + _options.CredentialsRejectedLimit + ")", actions);
                }
            }
            else
            {
                Fail(FailureClassifier.ClassifyConnect(result), "connect as the thing: " + FailureNames.Of(result), actions);
            }
        }

        private void OnSubscribeAcknowledged(ProvisioningEvent e, ActionList actions)
        {
            string? filter = e.Topic;
            bool expected;
            if (_step == ProvisioningStep.SubscribingCreate)
            {
                expected = (filter == _createAcceptedTopic && !_createAcceptedGranted) || (filter == _createRejectedTopic && !_createRejectedGranted);
            }
            else
            {
                expected = _step == ProvisioningStep.SubscribingRegister
                    && ((filter == _registerAcceptedTopic && !_registerAcceptedGranted) || (filter == _registerRejectedTopic && !_registerRejectedGranted));
            }

            if (!expected)
            {
                actions.AddLog(LogLevel.Warning, "StaleSubscribeAcknowledgementIgnored", (filter ?? "unknown packet") + " while " + ProvisioningNames.Of(_step));
                return;
            }

            if (!e.Granted)
            {
                // The claim policy does not allow this filter (reference §4: topicfilter/ resources); retrying soon will not change that.
                Fail(FailureClass.Permanent, "the broker refused the subscription to " + filter + " (check the claim policy)", actions);
                return;
            }

            if (filter == _createAcceptedTopic) _createAcceptedGranted = true;
            else if (filter == _createRejectedTopic) _createRejectedGranted = true;
            else if (filter == _registerAcceptedTopic) _registerAcceptedGranted = true;
            else _registerRejectedGranted = true;

            bool done = _step == ProvisioningStep.SubscribingCreate
                ? _createAcceptedGranted && _createRejectedGranted
                : _registerAcceptedGranted && _registerRejectedGranted;
            if (done)
            {
                Advance(e, actions);
            }
        }

        private void OnSessionBroken(ProvisioningEvent e, string what, ActionList actions)
        {
            bool wasConnected = _connected;
            ForgetSession();
            switch (_step)
            {
                case ProvisioningStep.SubscribingCreate:
                case ProvisioningStep.RequestingCertificate:
                case ProvisioningStep.SubscribingRegister:
                case ProvisioningStep.RegisteringThing:
                    if (wasConnected)
                    {
                        actions.Add(ProvisioningActionKind.Disconnect);
                    }

                    Fail(FailureClass.Transient, what + e.Reason, actions);
                    break;
                case ProvisioningStep.Operational:
                    // The application owns the session now; reconnecting is its business.
                    actions.AddLog(LogLevel.Warning, "OperationalConnectionLost", e.Reason);
                    break;
                default:
                    // Nothing was waiting on the session: the next step that needs it reconnects.
                    actions.AddLog(LogLevel.Debug, "SessionLostWhileIdle", what + e.Reason + " while " + ProvisioningNames.Of(_step));
                    break;
            }
        }

        private void ForgetSession()
        {
            _connected = false;
            _createAcceptedGranted = false;
            _createRejectedGranted = false;
            _registerAcceptedGranted = false;
            _registerRejectedGranted = false;
        }

        private void OnTimerExpired(ProvisioningEvent e, ActionList actions)
        {
            if (e.TimerId != _timerId)
            {
                return; // superseded: the step it guarded is over
            }

            switch (_step)
            {
                case ProvisioningStep.BackingOff:
                    Advance(e, actions);
                    break;
                case ProvisioningStep.Operational:
                case ProvisioningStep.Rebooting:
                case ProvisioningStep.Idle:
                    break;
                default:
                    if (_step == ProvisioningStep.ConnectingAsThing || _step == ProvisioningStep.ConnectingWithClaim)
                    {
                        actions.Add(ProvisioningActionKind.Disconnect);
                        ForgetSession();
                    }

                    Fail(FailureClass.Transient, "timed out after " + _options.StepTimeoutMilliseconds + " ms", actions);
                    break;
            }
        }

        private void OnCsrCreated(ProvisioningEvent e, ActionList actions)
        {
            if (_step != ProvisioningStep.CreatingCsr)
            {
                actions.AddLog(LogLevel.Warning, "StaleCsrIgnored", "CSR arrived while " + ProvisioningNames.Of(_step));
                return;
            }

            if (e.CsrPem == null || e.CsrPem.Length == 0 || e.CsrPrivateKeyPem == null || e.CsrPrivateKeyPem.Length == 0)
            {
                Fail(FailureClass.Transient, "the CSR source could not make a key pair", actions);
                return;
            }

            _csrPem = e.CsrPem;
            _csrPrivateKeyPem = e.CsrPrivateKeyPem;
            Advance(e, actions);
        }

        private void OnPersistCompleted(ProvisioningEvent e, ActionList actions)
        {
            if (_step != ProvisioningStep.Persisting)
            {
                actions.AddLog(LogLevel.Warning, "StalePersistResultIgnored", "while " + ProvisioningNames.Of(_step));
                return;
            }

            StoreStatus status = e.StoreStatus;
            if (status == StoreStatus.Success)
            {
                _attempts = 0;
                actions.AddLog(LogLevel.Info, "CredentialsPersisted", _credentials!.ThingName);
                if (_connected)
                {
                    actions.Add(ProvisioningActionKind.Disconnect);
                    ForgetSession();
                }

                SetStep(ProvisioningStep.Rebooting, actions);
                actions.Add(ProvisioningActionKind.Reboot);
            }
            else if (status == StoreStatus.Error)
            {
                Fail(FailureClass.Transient, "the credential store failed", actions);
            }
            else
            {
                Fail(FailureClass.Permanent, status == StoreStatus.TooLarge ? "the record does not fit a slot" : "the store refused the record", actions);
            }
        }
    }
}
