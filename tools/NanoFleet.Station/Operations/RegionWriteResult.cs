using System;

namespace NanoFleet.Station.Operations
{
    /// <summary>What writing one region did: the bytes that crossed the wire and the verified MD5.</summary>
    /// <param name="Name">Region name.</param>
    /// <param name="Offset">Flash address.</param>
    /// <param name="Size">Bytes written to flash (the image padded to 4 bytes).</param>
    /// <param name="WireBytes">Payload bytes sent in data blocks (compressed size when compressed).</param>
    /// <param name="Md5">MD5 the chip computed, equal to the image's.</param>
    /// <param name="Compressed">Whether FLASH_DEFL_* was used.</param>
    /// <param name="Retries">Blocks or rounds sent again after a fault.</param>
    /// <param name="Elapsed">Wall time, write plus verify.</param>
    public sealed record RegionWriteResult(string Name, uint Offset, int Size, int WireBytes, string Md5, bool Compressed,
        int Retries, TimeSpan Elapsed);
}
