using System;
using System.Text.Json;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

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
        /// <exception cref="ArgumentException">The document is not JSON.</exception>
        public Task PutAsync(string name, string document)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name);
            try
            {
                using var _ = JsonDocument.Parse(document);
            }
            catch (JsonException ex)
            {
                throw new ArgumentException($"Policy '{name}' is not valid JSON: {ex.Message}", nameof(document));
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
