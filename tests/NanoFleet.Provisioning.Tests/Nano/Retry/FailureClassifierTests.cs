using NanoFleet.Hal;
using nanoFramework.TestFramework;

namespace NanoFleet.Provisioning.Tests
{
    /// <summary>Rejections and connect results sorted into transient, token-invalid and permanent.</summary>
    [TestClass]
    public class FailureClassifierTests
    {
        [TestMethod]
        [DataRow(400, "InvalidCertificateOwnershipToken", "Certificate ownership token cannot be empty.", 1)]
        [DataRow(400, "InvalidRequest", "The certificate ownership token has expired", 1)]
        [DataRow(403, "ACCESS_DENIED", "denied by the pre-provisioning hook", 2)]
        [DataRow(401, "Unauthorized", "", 2)]
        [DataRow(404, "ResourceNotFoundException", "template does not exist", 2)]
        [DataRow(400, "InvalidParameters", "missing SerialNumber", 2)]
        [DataRow(429, "ThrottlingException", "Rate exceeded", 0)]
        [DataRow(400, "ThrottlingException", "Rate exceeded", 0)]
        [DataRow(500, "InternalFailure", "", 0)]
        [DataRow(503, "ServiceUnavailable", "", 0)]
        public void Classify_Rejections(int status, string code, string message, int expected)
        {
            var error = new ErrorResponse { StatusCode = status, ErrorCode = code, ErrorMessage = message };
            Assert.AreEqual(expected, (int)FailureClassifier.Classify(error));
        }

        [TestMethod]
        public void ClassifyConnect_NetworkIsTransientTrustIsPermanent()
        {
            Assert.AreEqual((int)FailureClass.Transient, (int)FailureClassifier.ClassifyConnect(MqttConnectResult.NetworkError));
            Assert.AreEqual((int)FailureClass.Transient, (int)FailureClassifier.ClassifyConnect(MqttConnectResult.Error));
            Assert.AreEqual((int)FailureClass.Permanent, (int)FailureClassifier.ClassifyConnect(MqttConnectResult.CredentialsRejected));
            Assert.AreEqual((int)FailureClass.Permanent, (int)FailureClassifier.ClassifyConnect(MqttConnectResult.ServerUntrusted));
            Assert.AreEqual((int)FailureClass.Permanent, (int)FailureClassifier.ClassifyConnect(MqttConnectResult.BadCredentials));
        }

        [TestMethod]
        public void Names_AreDistinctPerClass()
        {
            Assert.AreEqual("TransientFailure", FailureNames.Of(FailureClass.Transient));
            Assert.AreEqual("TokenInvalid", FailureNames.Of(FailureClass.TokenInvalid));
            Assert.AreEqual("PermanentFailure", FailureNames.Of(FailureClass.Permanent));
        }
    }
}
