using System.Collections.Generic;
using System.Threading.Tasks;
using NanoFleet.Cloud.Internal;

namespace NanoFleet.Cloud
{
    /// <summary>The things RegisterThing created.</summary>
    public sealed class ThingRegistry
    {
        private readonly EmulatorContext _context;

        internal ThingRegistry(EmulatorContext context)
        {
            _context = context;
        }

        /// <summary>Every thing, by name.</summary>
        public Task<IReadOnlyList<ThingInfo>> ListAsync() => Task.FromResult<IReadOnlyList<ThingInfo>>(_context.Store.Read(s => s.ListThings()));

        /// <summary>The thing with that name, or null.</summary>
        public Task<ThingInfo?> GetAsync(string name) => Task.FromResult(_context.Store.Read(s => s.GetThing(name)));

        /// <summary>How many things exist.</summary>
        public Task<int> CountAsync() => Task.FromResult(_context.Store.Read(s => s.CountThings()));
    }
}
