namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The text value of a request: UTF-8 the writer encodes, or a value located in a response of
    /// the same format, which the writer copies in its encoded form without decoding it first. A
    /// class for the reason <see cref="PendingText"/> is one: passed down the writer by reference, not
    /// copied whole at each call.
    /// </summary>
    internal sealed class RequestText
    {
        private byte[]? _utf8;
        private IPayloadSource? _source;
        private PendingText? _located;

        private RequestText()
        {
        }

        /// <summary>Text held as UTF-8.</summary>
        public static RequestText Of(byte[] utf8)
        {
            var text = new RequestText();
            text._utf8 = utf8;
            return text;
        }

        /// <summary>A value located in a response that is still readable through <paramref name="source"/>.</summary>
        public static RequestText Located(IPayloadSource source, PendingText value)
        {
            var text = new RequestText();
            text._source = source;
            text._located = value;
            return text;
        }

        /// <summary>Writes the value; returns where a located value's content starts (-1 for UTF-8 text).</summary>
        public int WriteTo(IMapWriter writer)
        {
            if (_source == null)
            {
                writer.WriteText(_utf8!);
                return -1;
            }

            return writer.WriteEncodedText(_source, _located!.Position, _located.Length);
        }
    }
}
