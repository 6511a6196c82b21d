namespace NanoFleet.Provisioning
{
    /// <summary>
    /// The fields of one payload map: it reads the value of each key it knows and skips the rest.
    /// <see cref="FieldReading.ReadMap"/> walks the map and hands it every key, so the map walk is
    /// written once for all responses.
    /// </summary>
    internal interface IFieldSink
    {
        /// <summary>Reads (or skips) the value of the source's current key.</summary>
        /// <returns>False on error, recorded in <paramref name="error"/>.</returns>
        bool ReadField(IPayloadSource source, FpReadError error);
    }
}
