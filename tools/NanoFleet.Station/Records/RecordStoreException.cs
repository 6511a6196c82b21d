using System;

namespace NanoFleet.Station.Records
{
    /// <summary>The record store cannot be used as it is (a newer schema, a bad connection string). Never carries a password.</summary>
    public sealed class RecordStoreException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public RecordStoreException(string message)
            : base(message)
        {
        }

        /// <summary>Creates the exception with its cause.</summary>
        public RecordStoreException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
