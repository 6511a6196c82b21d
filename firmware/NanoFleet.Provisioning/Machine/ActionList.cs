using NanoFleet.Hal;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The caller-owned list a <see cref="ProvisioningMachine"/> writes its actions into. It keeps
    /// its <see cref="ProvisioningAction"/> objects across <see cref="Clear"/>, so a whole
    /// provisioning run allocates a handful of actions once. Not thread-safe: one list per runner.
    /// </summary>
    /// <example>
    /// <code>
    /// var actions = new ActionList();
    /// machine.Handle(ProvisioningEvent.Boot(null), actions);
    /// for (int i = 0; i &lt; actions.Count; i++) { Execute(actions[i]); }
    /// </code>
    /// </example>
    public sealed class ActionList
    {
        private ProvisioningAction[] _items = new ProvisioningAction[8];
        private int _count;

        /// <summary>Number of actions since the last <see cref="Clear"/>.</summary>
        public int Count => _count;

        /// <summary>The action at <paramref name="index"/>, in the order they must be carried out.</summary>
        public ProvisioningAction this[int index] => index < _count ? _items[index] : throw new System.ArgumentOutOfRangeException(nameof(index));

        /// <summary>Empties the list, keeping its action objects for reuse.</summary>
        public void Clear() => _count = 0;

        internal ProvisioningAction Add(ProvisioningActionKind kind)
        {
            if (_count == _items.Length)
            {
                var grown = new ProvisioningAction[_items.Length * 2];
                System.Array.Copy(_items, grown, _count);
                _items = grown;
            }

            ProvisioningAction action = _items[_count] ?? (_items[_count] = new ProvisioningAction());
            _count++;
            action.Set(kind);
            return action;
        }

        internal void AddLog(LogLevel level, string eventName, string detail) => Add(ProvisioningActionKind.Log).SetLog(level, eventName, detail);
    }
}
