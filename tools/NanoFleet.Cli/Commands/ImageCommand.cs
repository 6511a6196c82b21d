using System.CommandLine;

namespace NanoFleet.Cli.Commands
{
    /// <summary>`nanofleet image`: build and inspect flash images (claim partition, whole-device image).</summary>
    public static class ImageCommand
    {
        /// <summary>Builds the verb group.</summary>
        public static Command Create() => new("image", "Build and inspect flash images: claim partitions and whole-device images.")
        {
            ImageClaimCommand.Create(),
            ImageShowCommand.Create(),
        };
    }
}
