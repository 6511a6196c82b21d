namespace NanoFleet.CoreBenchmark
{
    /// <summary>One unit of work the benchmark times and weighs: a parse, or a whole provisioning run.</summary>
    internal interface IBenchOperation
    {
        /// <summary>Does the work once; throws when it did not come out as expected, so no contender can skip work.</summary>
        void Run();
    }
}
