using System;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;
using NanoFleet.Cloud.Internal.Policies;

namespace NanoFleet.Cloud
{
    /// <summary>Named IoT policies that templates attach by PolicyName.</summary>
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

            _context.Store.Read(s =>
            {
                s.PutPolicy(name, document);
                return 0;
            });
            return Task.CompletedTask;
        }

        /// <summary>A policy's document, or null.</summary>
        public Task<string?> GetAsync(string name) => Task.FromResult(_context.Store.Read(s => s.GetPolicyDocument(name)));
    }
}
