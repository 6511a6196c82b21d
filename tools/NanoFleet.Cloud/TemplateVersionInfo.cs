using System;

namespace NanoFleet.Cloud
{
    /// <summary>One version of a provisioning template.</summary>
    public sealed record TemplateVersionInfo(int VersionId, DateTimeOffset CreatedAt, bool IsDefault, string Body);
}
