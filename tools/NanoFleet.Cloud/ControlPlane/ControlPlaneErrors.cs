using System;
using NanoFleet.Cloud.ControlPlane.Iam;

namespace NanoFleet.Cloud.ControlPlane
{
    /// <summary>
    /// The emulator's domain errors as AWS names them, so registries can throw their own exceptions and every
    /// operation (in-process or over HTTP) answers alike: a rule broken → 400 InvalidRequestException, a missing
    /// resource → 404 ResourceNotFoundException.
    /// </summary>
    public static class ControlPlaneErrors
    {
        /// <summary>The AWS error for <paramref name="error"/>, or null when it is not one AWS models (an internal failure).</summary>
        public static AwsServiceException? Translate(Exception error) => error switch
        {
            AwsServiceException aws => aws,
            InvalidTemplateException or InvalidPolicyDocumentException => AwsServiceException.InvalidRequest(error.Message),
            ResourceNotFoundException => AwsServiceException.ResourceNotFound(error.Message),
            _ => null,
        };
    }
}
