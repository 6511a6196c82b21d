namespace NanoFleet.IlCheck
{
    /// <summary>One thing in an assembly that the nanoCLR (CoreLibrary 1.17.11) cannot run.</summary>
    /// <param name="Assembly">File name of the assembly checked.</param>
    /// <param name="Rule">Which rule: GenericDefinition, GenericInstantiation, ForeignReference, MultiDimensionalArray.</param>
    /// <param name="Member">The offending type or member, as precisely as the metadata allows.</param>
    public sealed record NanoProfileViolation(string Assembly, string Rule, string Member)
    {
        /// <inheritdoc />
        public override string ToString() => $"{Assembly}: {Rule}: {Member}";
    }
}
