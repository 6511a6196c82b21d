namespace NanoFleet.Provisioning.Cbor
{
    /// <summary>What the next data item is, as reported by <see cref="CborReader.PeekState"/>.</summary>
    public enum CborReaderState
    {
        /// <summary>Not yet computed (the cache is empty).</summary>
        Undefined = 0,
        /// <summary>Major type 0.</summary>
        UnsignedInteger,
        /// <summary>Major type 1.</summary>
        NegativeInteger,
        /// <summary>Major type 2 (definite or indefinite length).</summary>
        ByteString,
        /// <summary>Major type 3 (definite or indefinite length).</summary>
        TextString,
        /// <summary>Major type 4.</summary>
        StartArray,
        /// <summary>The end of the current array.</summary>
        EndArray,
        /// <summary>Major type 5.</summary>
        StartMap,
        /// <summary>The end of the current map.</summary>
        EndMap,
        /// <summary>Major type 6.</summary>
        Tag,
        /// <summary>false or true.</summary>
        Boolean,
        /// <summary>null.</summary>
        Null,
        /// <summary>Any other simple value (undefined included).</summary>
        SimpleValue,
        /// <summary>A half, single or double precision float.</summary>
        Float,
        /// <summary>The top-level item has been read.</summary>
        Finished,
        /// <summary>The input is malformed; see <see cref="CborReader.ErrorKind"/>.</summary>
        Invalid,
    }
}
