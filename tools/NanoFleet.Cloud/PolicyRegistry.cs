using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Internal.Policies;
using NanoFleet.Cloud.Registry;

namespace NanoFleet.Cloud
{
    /// <summary>Named IoT policies: templates attach them by PolicyName, the control plane creates and attaches them to certificates.</summary>
    public sealed class PolicyRegistry
    {
        private readonly EmulatorContext _context;

        internal PolicyRegistry(EmulatorContext context)
        {
            _context = context;
        }

        /// <summary>Creates or replaces a named policy.</summary>
        /// <exception cref="ArgumentException">The name breaks AWS's pattern, or the document is not JSON or uses a Condition
        /// operator, key or policy variable the emulator does not evaluate (the message names it).</exception>
        public Task PutAsync(string name, string document)
        {
            Check(name, document);
            _context.Store.Read(s =>
            {
                s.PutPolicy(name, document);
                return 0;
            });
            return Task.CompletedTask;
        }

        /// <summary>Creates a named policy, as AWS's CreatePolicy: an existing one is never replaced.</summary>
        /// <returns>False when a policy already has that name; nothing changed.</returns>
        /// <exception cref="ArgumentException">As for <see cref="PutAsync"/>.</exception>
        public Task<bool> CreateAsync(string name, string document)
        {
            Check(name, document);
            bool created = _context.Store.Read(s => s.InsertPolicy(name, document));
            if (created)
            {
                _context.Log.Info("policy", null, null, $"created policy '{name}'");
            }

            return Task.FromResult(created);
        }

        /// <summary>
        /// Attaches a policy to a certificate. It governs what the certificate may do on the broker from its next connection:
        /// policies are read when a connection authenticates, and a live connection keeps the ones it started with.
        /// </summary>
        /// <exception cref="ResourceNotFoundException">No such policy or certificate; nothing changed.</exception>
        public Task AttachAsync(string policyName, string certificateId)
        {
            _context.Store.Write(s =>
            {
                CheckBothExist(s, policyName, certificateId);
                s.AttachPolicy(policyName, certificateId);
                return 0;
            });
            _context.Log.Info("policy", null, certificateId, $"attached policy '{policyName}'");
            return Task.CompletedTask;
        }

        /// <summary>Detaches a policy from a certificate, from its next connection on.</summary>
        /// <returns>False when the policy was not attached to it.</returns>
        /// <exception cref="ResourceNotFoundException">No such policy or certificate.</exception>
        public Task<bool> DetachAsync(string policyName, string certificateId)
        {
            bool detached = _context.Store.Write(s =>
            {
                CheckBothExist(s, policyName, certificateId);
                return s.DetachPolicy(policyName, certificateId);
            });
            if (detached)
            {
                _context.Log.Info("policy", null, certificateId, $"detached policy '{policyName}'");
            }

            return Task.FromResult(detached);
        }

        /// <summary>The names of the policies attached to a certificate.</summary>
        public Task<IReadOnlyList<string>> AttachedToAsync(string certificateId) =>
            Task.FromResult<IReadOnlyList<string>>(_context.Store.Read(s => s.PolicyNamesOf(certificateId)));

        /// <summary>A policy's document, or null.</summary>
        public Task<string?> GetAsync(string name) => Task.FromResult(_context.Store.Read(s => s.GetPolicyDocument(name)));

        private static void Check(string name, string document)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            if (ResourceNames.Check(ResourceNames.Policy, name) is { } problem)
            {
                throw new ArgumentException(problem, nameof(name));
            }

            try
            {
                PolicyDocument.Parse(document);
            }
            catch (InvalidPolicyException ex)
            {
                throw new ArgumentException($"Policy '{name}' cannot be stored: {ex.Message}", nameof(document));
            }
        }

        private static void CheckBothExist(RegistrySession session, string policyName, string certificateId)
        {
            if (session.GetPolicyDocument(policyName) is null)
            {
                throw new ResourceNotFoundException($"policy '{policyName}' does not exist");
            }

            if (session.GetCertificate(certificateId) is null)
            {
                throw new ResourceNotFoundException($"no certificate has id {certificateId}");
            }
        }
    }
}
