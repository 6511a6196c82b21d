using System.Collections;
using System.Threading;

namespace NanoFleet.Provisioning
{
    /// <summary>
    /// A FIFO that HAL callbacks (any thread) put into and the runner's thread takes from, with a
    /// wait handle to sleep on. ArrayList plus lock plus AutoResetEvent: all in nanoFramework's mscorlib.
    /// </summary>
    internal sealed class EventQueue
    {
        private readonly ArrayList _items = new ArrayList();
        private readonly AutoResetEvent _signal = new AutoResetEvent(false);

        /// <summary>Appends an item and wakes the runner.</summary>
        public void Enqueue(object item)
        {
            lock (_items)
            {
                _items.Add(item);
            }

            _signal.Set();
        }

        /// <summary>Takes the oldest item, or null when empty.</summary>
        public object? TryDequeue()
        {
            lock (_items)
            {
                if (_items.Count == 0)
                {
                    return null;
                }

                object item = _items[0]!;
                _items.RemoveAt(0);
                return item;
            }
        }

        /// <summary>Wakes the runner without an item (Stop).</summary>
        public void Wake() => _signal.Set();

        /// <summary>Sleeps until an item arrives, <see cref="Wake"/> is called, or the timeout passes (-1: forever).</summary>
        public void Wait(int milliseconds) => _signal.WaitOne(milliseconds, false);
    }
}
