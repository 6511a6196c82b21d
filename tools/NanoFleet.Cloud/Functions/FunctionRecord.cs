using System;

namespace NanoFleet.Cloud.Functions
{
    /// <summary>A function's row: where it is served and its resource policy (null until the first permission).</summary>
    internal sealed record FunctionRecord(string Name, Uri Url, string? Policy, DateTimeOffset CreatedAt);
}
