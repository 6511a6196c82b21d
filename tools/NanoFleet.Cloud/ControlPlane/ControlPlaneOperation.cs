using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// One AWS IoT REST operation: its name (`CreateProvisioningTemplate`), HTTP method and path template
    /// (`/provisioning-templates/{templateName}`) from the AWS IoT API reference, the IAM action a caller's
    /// policy must allow (`iot:CreateProvisioningTemplate`), the resource ARN that action is checked on
    /// (`*` for list calls, as in AWS's service authorization reference), and the handler. A handler returns
    /// the response body (null for an empty 200) or throws <see cref="AwsServiceException"/>.
    /// </summary>
    public sealed record ControlPlaneOperation(
        string Name,
        string Method,
        string PathTemplate,
        string Action,
        Func<ControlPlaneRequest, string> ResourceArn,
        Func<ControlPlaneRequest, Task<JsonObject?>> Handler);
}
