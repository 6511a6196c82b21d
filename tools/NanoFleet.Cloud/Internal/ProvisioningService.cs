using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using NanoFleet.Cloud.Events;
using NanoFleet.Cloud.Hooks;
using NanoFleet.Cloud.Registry;
using NanoFleet.Cloud.Templates;

namespace NanoFleet.Cloud.Internal
{
    /// <summary>The three provisioning APIs: request map in, response out. Knows nothing of MQTT.</summary>
    internal sealed class ProvisioningService
    {
        private readonly EmulatorContext _context;

        // Key generation (RSA-2048 takes tens of milliseconds) runs at most one per core, so a fleet
        // arriving at once queues here instead of starving the thread pool that serves keep-alives.
        private readonly SemaphoreSlim _keyGeneration = new(Environment.ProcessorCount);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ProvisioningTemplate> _parsed = new(StringComparer.Ordinal); // by body

        public ProvisioningService(EmulatorContext context)
        {
            _context = context;
        }

        public async Task<ProvisioningResponse> HandleAsync(
            ClientSession client, ProvisioningRequestTopic topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
        {
            try
            {
                if (_context.Faults.Admit(topic.Api) is { } refusal)
                {
                    return ProvisioningResponse.Error(refusal.StatusCode, refusal.ErrorCode, refusal.Message);
                }

                Dictionary<string, object?> request;
                try
                {
                    request = PayloadCodec.Decode(payload, topic.Format);
                }
                catch (InvalidDataException ex)
                {
                    throw ProvisioningException.InvalidRequest(ex.Message);
                }

                return topic.Api switch
                {
                    ProvisioningApi.CreateKeysAndCertificate => await CreateKeysAndCertificateAsync(client, cancellationToken).ConfigureAwait(false),
                    ProvisioningApi.CreateCertificateFromCsr => CreateCertificateFromCsr(client, request),
                    _ => await RegisterThingAsync(client, topic.TemplateName!, request, cancellationToken).ConfigureAwait(false),
                };
            }
            catch (ProvisioningException ex)
            {
                return ProvisioningResponse.Error(ex.StatusCode, ex.ErrorCode, ex.Message);
            }
        }

        private async Task<ProvisioningResponse> CreateKeysAndCertificateAsync(ClientSession client, CancellationToken cancellationToken)
        {
            await _keyGeneration.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return CreateKeysAndCertificate(client);
            }
            finally
            {
                _keyGeneration.Release();
            }
        }

        private ProvisioningResponse CreateKeysAndCertificate(ClientSession client)
        {
            var request = DeviceKeys.Create(_context.Options.KeyAlgorithm, out string privateKeyPem);
            var (certificateId, certificatePem, token) = IssueDeviceCertificate(client, request);
            _context.Log.Info("CreateKeysAndCertificate", client.ClientId, certificateId, $"issued {_context.Options.KeyAlgorithm} key pair and certificate (PENDING_ACTIVATION)");
            return ProvisioningResponse.Ok(new[]
            {
                new KeyValuePair<string, object>("certificateId", certificateId),
                new KeyValuePair<string, object>("certificatePem", certificatePem),
                new KeyValuePair<string, object>("privateKey", privateKeyPem),
                new KeyValuePair<string, object>("certificateOwnershipToken", token),
            }, certificateId, null);
        }

        private ProvisioningResponse CreateCertificateFromCsr(ClientSession client, Dictionary<string, object?> body)
        {
            if (body.GetValueOrDefault("certificateSigningRequest") is not string csr || csr.Length == 0)
            {
                throw ProvisioningException.InvalidRequest("certificateSigningRequest is missing or not a string.");
            }

            CertificateRequest request;
            try
            {
                // Verifies the CSR's self-signature; requested extensions are dropped, the CA sets its own.
                request = CertificateRequest.LoadSigningRequestPem(csr, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Whatever the bytes make the platform throw (an unknown key algorithm gives NotSupportedException or
                // PlatformNotSupportedException, not only CryptographicException), it is the client's mistake.
                throw ProvisioningException.InvalidRequest("The certificate signing request is invalid: " + ex.Message);
            }

            if (CsrKeyRules.Problem(request.PublicKey) is { } weak)
            {
                throw ProvisioningException.InvalidRequest($"The certificate signing request is refused: {weak}.");
            }

            var (certificateId, certificatePem, token) = IssueDeviceCertificate(client, request);
            _context.Log.Info("CreateCertificateFromCsr", client.ClientId, certificateId, $"signed CSR for {request.SubjectName.Name} (PENDING_ACTIVATION)");
            return ProvisioningResponse.Ok(new[]
            {
                new KeyValuePair<string, object>("certificateOwnershipToken", token),
                new KeyValuePair<string, object>("certificateId", certificateId),
                new KeyValuePair<string, object>("certificatePem", certificatePem),
            }, certificateId, null);
        }

        private (string Id, string Pem, string Token) IssueDeviceCertificate(ClientSession client, CertificateRequest request)
        {
            using var certificate = _context.Ca.IssueClientCertificate(request);
            string id = CertificateAuthority.IdOf(certificate);
            string pem = certificate.ExportCertificatePem() + "\n";
            string token = OwnershipTokens.NewToken();
            var now = _context.Clock.GetUtcNow();
            var record = new CertificateRecord(
                new CertificateInfo(id, CertificateStatus.PendingActivation, CertificateKind.Device, pem, now, client.CertificateId),
                OwnershipTokens.HashOf(token), now + _context.Options.TokenLifetime);
            _context.Store.Read(s =>
            {
                s.InsertCertificate(record);
                return 0;
            });
            return (id, pem, token);
        }

        private async Task<ProvisioningResponse> RegisterThingAsync(
            ClientSession client, string templateName, Dictionary<string, object?> body, CancellationToken cancellationToken)
        {
            if (body.GetValueOrDefault("certificateOwnershipToken") is not string token || token.Length == 0)
            {
                throw ProvisioningException.InvalidToken("Certificate ownership token cannot be empty.");
            }

            var parameters = ReadParameters(body);
            var now = _context.Clock.GetUtcNow();
            var template = _context.Store.Read(s => s.GetTemplate(templateName))
                ?? throw new ProvisioningException(404, "ResourceNotFoundException", $"The provisioning template '{templateName}' does not exist.");
            if (!template.Enabled)
            {
                throw ProvisioningException.InvalidRequest($"The provisioning template '{templateName}' is disabled.");
            }

            var certificate = FindTokenCertificate(client, token, now);
            IReadOnlyDictionary<string, string> overrides = new Dictionary<string, string>();
            if (_context.Hook is { } hook)
            {
                try
                {
                    overrides = await hook.InvokeAsync(
                        new HookRequest(client.CertificateId, certificate.Id, certificate.CertificatePem, _context.Arns.ProvisioningTemplate(template.Name), client.ClientId, parameters),
                        cancellationToken).ConfigureAwait(false);
                    _context.Log.Info("hook", client.ClientId, certificate.Id, $"allowed, {overrides.Count} parameter override(s)");
                }
                catch (ProvisioningException ex)
                {
                    _context.Log.Warn("hook", client.ClientId, certificate.Id, ex.Message);
                    throw;
                }
            }

            var merged = new Dictionary<string, string>(parameters, StringComparer.Ordinal);
            foreach (var (key, value) in overrides)
            {
                merged[key] = value;
            }

            if (_context.InterceptingRegisterThing is { } intercept)
            {
                var args = new RegisterThingRequestedEventArgs(client.ClientId, client.CertificateId, certificate.Id, templateName, merged);
                foreach (Func<RegisterThingRequestedEventArgs, Task> handler in intercept.GetInvocationList())
                {
                    await handler(args).ConfigureAwait(false);
                }

                if (!args.Accept)
                {
                    throw new ProvisioningException(args.RejectStatusCode, args.RejectErrorCode, args.RejectErrorMessage);
                }
            }

            ProvisioningPlan plan;
            try
            {
                plan = _parsed.GetOrAdd(template.Body, ProvisioningTemplate.Parse).Evaluate(parameters, overrides, certificate.Id);
            }
            catch (InvalidTemplateException ex)
            {
                throw ProvisioningException.InvalidRequest($"The stored template '{templateName}' is invalid: {ex.Message}");
            }

            _context.Store.Write(s => RegistrationWriter.Apply(s, plan, certificate.Id, OwnershipTokens.HashOf(token), _context.Clock.GetUtcNow()));
            _context.Log.Info("RegisterThing", client.ClientId, certificate.Id,
                $"registered thing '{plan.Thing?.Name}' with template '{templateName}' v{template.DefaultVersion}; certificate {plan.CertificateStatus.ToAwsName()}");
            var fields = new List<KeyValuePair<string, object>> { new("deviceConfiguration", plan.DeviceConfiguration) };
            if (plan.Thing is not null)
            {
                fields.Add(new KeyValuePair<string, object>("thingName", plan.Thing.Name));
            }

            return ProvisioningResponse.Ok(fields, certificate.Id, plan.Thing?.Name);
        }

        /// <summary>The certificate a token names, if the token is known, unexpired and was issued over this claim.</summary>
        private CertificateInfo FindTokenCertificate(ClientSession client, string token, DateTimeOffset now)
        {
            string hash = OwnershipTokens.HashOf(token);
            var (record, spent) = _context.Store.Read(s => (s.FindCertificateByTokenHash(hash), s.FindCertificateByTokenHash(RegistrySession.SpentTokenPrefix + hash)));
            if (spent is not null)
            {
                throw ProvisioningException.InvalidToken("Certificate ownership token has already been used to register its certificate.");
            }

            if (record is null)
            {
                throw ProvisioningException.InvalidToken("Certificate ownership token is invalid: no certificate was issued with it (or it expired and its certificate was deleted).");
            }

            if (record.TokenExpiresAt is not { } expires || expires <= now)
            {
                throw ProvisioningException.InvalidToken($"Certificate ownership token expired at {record.TokenExpiresAt:u}.");
            }

            if (record.Info.ClaimCertificateId != client.CertificateId)
            {
                throw ProvisioningException.InvalidToken("Certificate ownership token was issued to another claim certificate's connection.");
            }

            if (record.Info.Status == CertificateStatus.Revoked)
            {
                throw ProvisioningException.InvalidRequest($"Certificate {record.Info.Id} is REVOKED.");
            }

            return record.Info;
        }

        private static Dictionary<string, string> ReadParameters(Dictionary<string, object?> body)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!body.TryGetValue("parameters", out object? node) || node is null)
            {
                return result;
            }

            if (node is not Dictionary<string, object?> map)
            {
                throw ProvisioningException.InvalidRequest("parameters must be an object of string values.");
            }

            foreach (var (key, value) in map)
            {
                result[key] = value as string ?? throw ProvisioningException.InvalidRequest($"parameters.{key} must be a string.");
            }

            return result;
        }
    }
}
