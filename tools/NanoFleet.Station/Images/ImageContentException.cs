using System;

namespace NanoFleet.Station.Images
{
    /// <summary>An image that must not be written: bad magic, bounds, checksum, hash, chip or size. Names the file and the fault.</summary>
    public sealed class ImageContentException : FormatException
    {
        /// <summary>Creates the error.</summary>
        public ImageContentException(string message) : base(message)
        {
        }
    }
}
