using System.Collections;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// An ordered string→string map (RegisterThing parameters, deviceConfiguration). mscorlib on
    /// nanoFramework has no Hashtable or Dictionary, and these maps hold a handful of entries, so
    /// two parallel ArrayLists with a linear search are both the smallest and the fastest choice.
    /// The lists are made by the first <see cref="Set"/>: most maps a provisioning run creates
    /// (parse targets, a record before its configuration moves in) stay empty.
    /// </summary>
    public sealed class StringMap
    {
        private ArrayList? _keys;
        private ArrayList? _values;

        /// <summary>Number of entries.</summary>
        public int Count => _keys == null ? 0 : _keys.Count;

        /// <summary>Key at <paramref name="index"/> (insertion order).</summary>
        public string KeyAt(int index) => (string)Keys()[index]!;

        /// <summary>Value at <paramref name="index"/> (insertion order).</summary>
        public string ValueAt(int index) => (string)Values()[index]!;

        /// <summary>Returns the value for <paramref name="key"/>, or null.</summary>
        public string? Get(string key)
        {
            int i = IndexOf(key);
            return i < 0 ? null : (string?)Values()[i];
        }

        /// <summary>Adds or replaces an entry.</summary>
        public void Set(string key, string value)
        {
            int i = IndexOf(key);
            if (i < 0)
            {
                Keys().Add(key);
                Values().Add(value);
            }
            else
            {
                Values()[i] = value;
            }
        }

        /// <summary>Removes every entry.</summary>
        public void Clear()
        {
            _keys?.Clear();
            _values?.Clear();
        }

        /// <summary>
        /// Takes over <paramref name="other"/>'s entries (and leaves it with this map's old ones),
        /// without copying: a reader fills a scratch map and swaps it in only when the whole payload
        /// was valid.
        /// </summary>
        internal void SwapEntries(StringMap other)
        {
            ArrayList? keys = _keys;
            ArrayList? values = _values;
            _keys = other._keys;
            _values = other._values;
            other._keys = keys;
            other._values = values;
        }

        /// <summary>Index of <paramref name="key"/> (ordinal), or -1.</summary>
        public int IndexOf(string key)
        {
            for (int i = 0; i < Count; i++)
            {
                if ((string?)_keys![i] == key)
                {
                    return i;
                }
            }

            return -1;
        }

        private ArrayList Keys() => _keys ?? (_keys = new ArrayList());

        private ArrayList Values() => _values ?? (_values = new ArrayList());
    }
}
