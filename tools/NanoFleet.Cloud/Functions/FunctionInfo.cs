using System;

namespace NanoFleet.Cloud.Functions
{
    /// <summary>A registered function: a local HTTP endpoint standing in for a Lambda function.</summary>
    /// <param name="Name">1-64 characters of [A-Za-z0-9_-], as Lambda's function names.</param>
    /// <param name="Arn">`arn:aws:lambda:REGION:ACCOUNT:function:NAME` in the emulator's region and account.</param>
    /// <param name="Url">Where it is invoked: an HTTP POST of the event, the answer is the function's result.</param>
    /// <param name="Permissions">How many statements its resource policy holds.</param>
    public sealed record FunctionInfo(string Name, string Arn, Uri Url, int Permissions);
}
