using NanoFleet.Hal;
using NanoFleet.Provisioning.Keys;
using NanoFleet.Provisioning.Text;

namespace NanoFleet.Provisioning
{
    // Responses of the provisioning API. AWS's responses carry no request id, so the machine keeps
    // one request in flight per API and acts only on a response to the request it is waiting for.
    public sealed partial class ProvisioningMachine
    {
        private void OnMessageReceived(ProvisioningEvent e, ActionList actions)
        {
            string? topic = e.Topic;
            bool accepted = topic == _createAcceptedTopic || topic == _registerAcceptedTopic;
            bool isCreate = topic == _createAcceptedTopic || topic == _createRejectedTopic;
            bool isRegister = topic == _registerAcceptedTopic || topic == _registerRejectedTopic;
            if (!isCreate && !isRegister)
            {
                actions.AddLog(LogLevel.Warning, "UnexpectedMessageIgnored", "message on " + topic);
                return;
            }

            ProvisioningStep waitingIn = isCreate ? ProvisioningStep.RequestingCertificate : ProvisioningStep.RegisteringThing;
            if (_step != waitingIn)
            {
                // Already past this API (a duplicate) or not asking it anything (stale, e.g. a reply to a timed-out request).
                bool past = isCreate ? _certificateId != null || _credentials != null : _credentials != null;
                actions.AddLog(LogLevel.Warning, past ? "DuplicateResponseIgnored" : "StaleResponseIgnored",
                    topic + " while " + ProvisioningNames.Of(_step));
                return;
            }

            byte[] payload = e.Payload ?? NoBytes;
            if (!accepted)
            {
                OnRejected(payload, e.PayloadOffset, e.PayloadCount, actions);
            }
            else if (isCreate)
            {
                OnCreateAccepted(e, payload, actions);
            }
            else
            {
                OnRegisterAccepted(e, payload, actions);
            }
        }

        private void OnCreateAccepted(ProvisioningEvent e, byte[] payload, ActionList actions)
        {
            FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(_options.Format, payload, e.PayloadOffset, e.PayloadCount,
                FpReaderOptions.Default, !_useCsr, _createAccepted, _readError, out IPayloadSource? source, out PendingText? token);
            if (status != FpStatus.Success)
            {
                Fail(FailureClass.Transient, "malformed accepted response: " + _readError, actions);
                return;
            }

            string keyMismatch;
            if (CheckCertificateKey(out keyMismatch) != KeyMatchStatus.Success)
            {
                // Named by id only: the reason never quotes key bytes, and the token is not composed yet.
                Fail(FailureClass.Transient, "malformed accepted response: certificate " + _createAccepted.CertificateId + ": " + keyMismatch, actions);
                return;
            }

            if (_registerRequest.Compose(source!, token!) != FpStatus.Success)
            {
                Fail(FailureClass.Permanent, "could not encode the RegisterThing request (check the parameters)", actions);
                return;
            }

            _certificateId = _createAccepted.CertificateId;
            _certificatePem = _createAccepted.CertificatePem;
            _privateKeyPem = _useCsr ? _csrPrivateKeyPem : _createAccepted.PrivateKey;
            _tokenReceivedAt = e.AtMilliseconds;
            _attempts = 0;
            actions.AddLog(LogLevel.Info, "CertificateCreated", _certificateId);
            Advance(e, actions);
        }

        /// <summary>
        /// Checks that the new certificate carries our key: the CSR's, or the private key's that came
        /// with it. The claim is shared by a factory, so a claim holder could forge an accepted response
        /// with a key pair of their own, and a device that registered it would hand them its thing.
        /// </summary>
        private KeyMatchStatus CheckCertificateKey(out string reason) => _useCsr
            ? KeyMatch.CertificateMatchesCsr(_createAccepted.CertificatePem, _csrPem!, out reason)
            : KeyMatch.CertificateMatchesPrivateKey(_createAccepted.CertificatePem, _createAccepted.PrivateKey!, out reason);

        private void OnRegisterAccepted(ProvisioningEvent e, byte[] payload, ActionList actions)
        {
            FpStatus status = FpPayloadReader.ReadRegisterThingAccepted(_options.Format, payload, e.PayloadOffset, e.PayloadCount,
                FpReaderOptions.Default, _registerAccepted, _readError);
            if (status != FpStatus.Success)
            {
                Fail(FailureClass.Transient, "malformed accepted response: " + _readError, actions);
                return;
            }

            var credentials = new DeviceCredentials
            {
                CertificateId = _certificateId!,
                CertificatePem = _certificatePem!,
                PrivateKeyPem = _privateKeyPem ?? NoBytes,
                ThingName = _registerAccepted.ThingName,
                TemplateName = _options.TemplateName,
                ProvisionedAtUnixSeconds = e.AtUnixSeconds,
            };
            // Move the configuration's entries over rather than copy them: the parse target is only
            // a staging area, and the next read replaces its entries anyway.
            credentials.DeviceConfiguration.SwapEntries(_registerAccepted.DeviceConfiguration);

            if (!credentials.IsComplete)
            {
                // E.g. a template without a thing resource answers without a thingName (reference §6.7).
                Fail(FailureClass.Permanent, "RegisterThing accepted without a thing name; does the template create a thing?", actions);
                return;
            }

            _credentials = credentials;
            _registerRequest.Wipe(); // the token in it is spent; hold no secret longer than needed
            _attempts = 0;
            actions.AddLog(LogLevel.Info, "ThingRegistered", credentials.ThingName);
            Advance(e, actions);
        }

        private void OnRejected(byte[] payload, int offset, int count, ActionList actions)
        {
            ErrorResponse response = _errorResponse ?? (_errorResponse = new ErrorResponse());
            FpStatus status = FpPayloadReader.ReadErrorResponse(_options.Format, payload, offset, count, FpReaderOptions.Default, response, _readError);
            if (status != FpStatus.Success)
            {
                Fail(FailureClass.Transient, "malformed rejected response: " + _readError, actions);
                return;
            }

            FailureClass failure = FailureClassifier.Classify(response);
            if (failure == FailureClass.TokenInvalid && _step != ProvisioningStep.RegisteringThing)
            {
                failure = FailureClass.Transient; // the create APIs take no token
            }

            Fail(failure, "rejected " + response.StatusCode + " " + response.ErrorCode + ": " + Redact(response.ErrorMessage), actions);
        }

        /// <summary>The service's message, unless it quotes one of our secrets.</summary>
        private string Redact(string message)
        {
            if (_registerRequest.IsQuotedIn(message) || ContainsSecret(message, _privateKeyPem) || ContainsSecret(message, _claim.PrivateKeyPem))
            {
                return "(message withheld: it quotes a secret)";
            }

            return WholeChars.Shorten(message, 200);
        }

        private static bool ContainsSecret(string text, byte[]? secret) => secret != null && secret.Length > 0 && Utf8.Contains(text, secret);
    }
}
