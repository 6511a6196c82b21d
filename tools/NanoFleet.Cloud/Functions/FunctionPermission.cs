namespace NanoFleet.Cloud.Functions
{
    /// <summary>
    /// One `aws lambda add-permission`: the statement it adds to a function's resource policy is
    /// Effect Allow, Principal {Service: <paramref name="Principal"/>}, Action <paramref name="Action"/>, and the
    /// conditions `ArnLike AWS:SourceArn` / `StringEquals AWS:SourceAccount` for the values given.
    /// </summary>
    /// <param name="StatementId">The statement's Sid, unique in the policy.</param>
    /// <param name="Principal">A service principal such as `iot.amazonaws.com`.</param>
    /// <param name="Action">`lambda:InvokeFunction` (or `lambda:*`).</param>
    /// <param name="SourceArn">The only resource that may invoke through this statement (ArnLike, `*` and `?` allowed), or null.</param>
    /// <param name="SourceAccount">The only account that may, or null.</param>
    public sealed record FunctionPermission(string StatementId, string Principal, string Action = FunctionPermission.InvokeAction,
        string? SourceArn = null, string? SourceAccount = null)
    {
        /// <summary>The action AWS IoT needs to call a pre-provisioning hook.</summary>
        public const string InvokeAction = "lambda:InvokeFunction";

        /// <summary>The service principal AWS IoT calls functions as.</summary>
        public const string IotPrincipal = "iot.amazonaws.com";
    }
}
