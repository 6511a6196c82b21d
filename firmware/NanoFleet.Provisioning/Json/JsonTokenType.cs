namespace NanoFleet.Provisioning.Json
{
    /// <summary>The token <see cref="JsonReader"/> stands on.</summary>
    public enum JsonTokenType
    {
        /// <summary>Before the first <see cref="JsonReader.Read"/>, at the end, or after an error.</summary>
        None = 0,
        /// <summary>'{'.</summary>
        StartObject,
        /// <summary>'}'.</summary>
        EndObject,
        /// <summary>'['.</summary>
        StartArray,
        /// <summary>']'.</summary>
        EndArray,
        /// <summary>A member name (its ':' is consumed too).</summary>
        PropertyName,
        /// <summary>A string value.</summary>
        String,
        /// <summary>A number.</summary>
        Number,
        /// <summary>true.</summary>
        True,
        /// <summary>false.</summary>
        False,
        /// <summary>null.</summary>
        Null,
    }
}
