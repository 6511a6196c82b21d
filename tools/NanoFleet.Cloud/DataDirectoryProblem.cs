namespace NanoFleet.Cloud
{
    /// <summary>Why an emulator's data directory could not be used; see <see cref="DataDirectoryException"/>.</summary>
    public enum DataDirectoryProblem
    {
        /// <summary>Another emulator runs on it (it holds the directory's lock).</summary>
        InUse = 1,

        /// <summary>A file in it is not what the emulator wrote: registry.db is not a sound SQLite registry, or the CA is unreadable.</summary>
        Corrupt,

        /// <summary>The emulator may not write to it (read-only directory, file or file system).</summary>
        NotWritable,
    }
}
