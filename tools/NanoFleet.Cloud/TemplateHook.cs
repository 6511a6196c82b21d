namespace NanoFleet.Cloud
{
    /// <summary>A template's `preProvisioningHook`: the Lambda function AWS IoT calls before RegisterThing.</summary>
    /// <param name="TargetArn">`arn:aws:lambda:REGION:ACCOUNT:function:NAME`.</param>
    /// <param name="PayloadVersion">The hook input's version; AWS knows only `2020-04-01`.</param>
    public sealed record TemplateHook(string TargetArn, string PayloadVersion = TemplateHook.DefaultPayloadVersion)
    {
        /// <summary>The only payload version AWS knows.</summary>
        public const string DefaultPayloadVersion = "2020-04-01";
    }
}
