using System.Collections;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// Maps SUBSCRIBE packet ids to their filters, so a SUBACK reaches the machine as "this filter
    /// was granted" and the machine never sees packet ids. Only the runner's thread uses it: a
    /// SUBACK is queued and translated after the Subscribe call that recorded its id has returned.
    /// </summary>
    internal sealed class SubscriptionTable
    {
        private readonly ArrayList _packetIds = new ArrayList();
        private readonly ArrayList _filters = new ArrayList();

        public void Add(int packetId, string filter)
        {
            _packetIds.Add(packetId);
            _filters.Add(filter);
        }

        /// <summary>Removes and returns the filter of <paramref name="packetId"/>, or null when unknown.</summary>
        public string? Take(int packetId)
        {
            for (int i = 0; i < _packetIds.Count; i++)
            {
                if ((int)_packetIds[i]! == packetId)
                {
                    string filter = (string)_filters[i]!;
                    _packetIds.RemoveAt(i);
                    _filters.RemoveAt(i);
                    return filter;
                }
            }

            return null;
        }
    }
}
