using System.Collections;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// An ordered string→string map (RegisterThing parameters, deviceConfiguration). mscorlib on
    /// nanoFramework has no Hashtable or Dictionary, and these maps hold a handful of entries, so
    /// two parallel ArrayLists with a linear search are both the smallest and the fastest choice.
    /// </summary>
    public sealed class StringMap
    {
        private ArrayList _keys = new ArrayList();
        private ArrayList _values = new ArrayList();

        /// <summary>Number of entries.</summary>
        public int Count => _keys.Count;

        /// <summary>Key at <paramref name="index"/> (insertion order).</summary>
        public string KeyAt(int index) => (string)_keys[index]!;

        /// <summary>Value at <paramref name="index"/> (insertion order).</summary>
        public string ValueAt(int index) => (string)_values[index]!;

        /// <summary>Returns the value for <paramref name="key"/>, or null.</summary>
        public string? Get(string key)
        {
            int i = IndexOf(key);
            return i < 0 ? null : (string?)_values[i];
        }

        /// <summary>Adds or replaces an entry.</summary>
        public void Set(string key, string value)
        {
            int i = IndexOf(key);
            if (i < 0)
            {
                _keys.Add(key);
                _values.Add(value);
            }
            else
            {
                _values[i] = value;
            }
        }

        /// <summary>Removes every entry.</summary>
        public void Clear()
        {
            _keys.Clear();
            _values.Clear();
        }

        /// <summary>
        /// Takes over <paramref name="other"/>'s entries (and leaves it with this map's old ones),
        /// without copying: a reader fills a scratch map and swaps it in only when the whole payload
        /// was valid.
        /// </summary>
        internal void SwapEntries(StringMap other)
        {
            ArrayList keys = _keys;
            ArrayList values = _values;
            _keys = other._keys;
            _values = other._values;
            other._keys = keys;
            other._values = values;
        }

        /// <summary>Index of <paramref name="key"/> (ordinal), or -1.</summary>
        public int IndexOf(string key)
        {
            for (int i = 0; i < _keys.Count; i++)
            {
                if ((string?)_keys[i] == key)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
