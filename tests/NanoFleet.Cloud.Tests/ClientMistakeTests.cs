using System;
using System.Collections.Generic;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using NanoFleet.Cloud.Tests.Support;

namespace NanoFleet.Cloud.Tests
{
    /// <summary>AWS signs only strong keys, and every malformed request is a 400 with AWS's error code, never a 500.</summary>
    public class ClientMistakeTests
    {
        /// <summary>Made with `openssl genpkey -algorithm ed25519` + `openssl req -new`: .NET cannot make Ed25519 keys.</summary>
        private const string Ed25519Csr = """
            -----BEGIN CERTIFICATE REQUEST-----
            MIGYMEwCAQAwGTEXMBUGA1UEAwwOZWQyNTUxOS1kZXZpY2UwKjAFBgMrZXADIQDF
            Ybuhlgg/nMBC/4yxqbUqC9s2rRL8HvLCMuGf5BrmPaAAMAUGAytlcANBAIsaFGUN
            cBWLcWiVf7nmX5bHhgKPY7gYwXWYYS3nCJ7WZZNcIxySoDdzmDj6q8CTNgFiN1u1
            3G1NWpLrZ/na4Qs=
            -----END CERTIFICATE REQUEST-----
            """;

        public static TheoryData<string> WeakKeys => new() { "rsa-1024", "secp256k1", "p-192", "ed25519" };

        public static TheoryData<string> StrongKeys => new() { "rsa-2048", "p-256", "p-384", "p-521" };

        [Theory]
        [MemberData(nameof(WeakKeys))]
        public async Task CsrWithAKeyAwsWouldNotSign_Is400InvalidRequest(string kind)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);

            var answer = await RequestCsrAsync(device, kind == "ed25519" ? Ed25519Csr : MakeCsr(kind));

            Assert.False(answer.Accepted);
            Assert.Equal(400L, answer.Body["statusCode"]);
            Assert.Equal("InvalidRequestException", answer.Text("errorCode"));
            Assert.DoesNotContain(await env.Emulator.Certificates.ListAsync(), c => c.Kind == CertificateKind.Device);
        }

        [Theory]
        [MemberData(nameof(StrongKeys))]
        public async Task CsrWithAnAwsKey_IsSigned(string kind)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);
            var answer = await RequestCsrAsync(device, MakeCsr(kind));
            Assert.True(answer.Accepted, answer.Body.GetValueOrDefault("errorMessage") as string);
        }

        public static TheoryData<string, string, byte[]> Malformed()
        {
            var data = new TheoryData<string, string, byte[]>();
            foreach (var (api, topic) in new[]
            {
                ("create", "$aws/certificates/create/cbor"), ("csr", "$aws/certificates/create-from-csr/cbor"),
                ("register", "$aws/provisioning-templates/fleet/provision/cbor"),
            })
            {
                data.Add(api, topic, Cbor(w => { w.WriteStartMap(1); w.WriteTextString("certificateOwnershipToken"); w.WriteUInt64(ulong.MaxValue); w.WriteEndMap(); }));
                data.Add(api, topic, Cbor(w => { w.WriteStartMap(1); w.WriteTextString("x"); w.WriteBigInteger(System.Numerics.BigInteger.Pow(2, 80)); w.WriteEndMap(); }));
                data.Add(api, topic, Cbor(w => { w.WriteStartMap(1); w.WriteTextString("certificateSigningRequest"); w.WriteInt64(7); w.WriteEndMap(); }));
                data.Add(api, topic, Cbor(w => { w.WriteTag(CborTag.DateTimeString); w.WriteTextString("2020-01-01T00:00:00Z"); }));
                data.Add(api, topic, new byte[] { 0xA1, 0x61, 0x61 }); // truncated map
                data.Add(api, topic, Nested(40));
            }

            data.Add("register", "$aws/provisioning-templates/fleet/provision/json", "{\"certificateOwnershipToken\":\"t\",\"parameters\":{\"SerialNumber\":18446744073709551616}}"u8.ToArray());
            data.Add("register", "$aws/provisioning-templates/fleet/provision/json", "{\"certificateOwnershipToken\":\"t\",\"parameters\":[1]}"u8.ToArray());
            data.Add("csr", "$aws/certificates/create-from-csr/json", "{\"certificateSigningRequest\":\"-----BEGIN CERTIFICATE REQUEST-----\\nAAAA\\n-----END CERTIFICATE REQUEST-----\"}"u8.ToArray());
            data.Add("csr", "$aws/certificates/create-from-csr/json", "[\"not an object\"]"u8.ToArray());
            return data;
        }

        [Theory]
        [MemberData(nameof(Malformed))]
        public async Task MalformedRequest_Is400_Never500(string api, string topic, byte[] payload)
        {
            await using var env = await TestEmulator.StartAsync();
            var claim = await env.TemplateAndClaimAsync("fleet", TemplateBodies.Fleet);
            await using var device = await env.ConnectAsync(claim);

            var answer = await device.RequestAsync(topic, payload);

            if (api == "create")
            {
                // CreateKeysAndCertificate takes no fields: extra ones are ignored, but a body that is not a map is still refused.
                Assert.True(answer.Accepted || (long)answer.Body["statusCode"]! == 400L);
                return;
            }

            Assert.False(answer.Accepted);
            Assert.Equal(400L, answer.Body["statusCode"]);
            Assert.Contains(answer.Text("errorCode"), new[] { "InvalidRequestException", "InvalidCertificateOwnershipToken" });
        }

        private static async Task<ApiResponse> RequestCsrAsync(TestDevice device, string csr) =>
            await device.RequestAsync("$aws/certificates/create-from-csr/json",
                TestPayloads.Encode(new Dictionary<string, object> { ["certificateSigningRequest"] = csr }, false));

        private static string MakeCsr(string kind)
        {
            AsymmetricAlgorithm key = kind switch
            {
                "rsa-1024" => RSA.Create(1024),
                "rsa-2048" => RSA.Create(2048),
                "secp256k1" => ECDsa.Create(ECCurve.CreateFromFriendlyName("secP256k1")),
                "p-192" => ECDsa.Create(ECCurve.CreateFromValue("1.2.840.10045.3.1.1")),
                "p-256" => ECDsa.Create(ECCurve.NamedCurves.nistP256),
                "p-384" => ECDsa.Create(ECCurve.NamedCurves.nistP384),
                _ => ECDsa.Create(ECCurve.NamedCurves.nistP521),
            };
            using (key)
            {
                var request = key is RSA rsa
                    ? new CertificateRequest("CN=device", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                    : new CertificateRequest("CN=device", (ECDsa)key, HashAlgorithmName.SHA256);
                return request.CreateSigningRequestPem();
            }
        }

        private static byte[] Cbor(Action<CborWriter> write)
        {
            var w = new CborWriter();
            write(w);
            return w.Encode();
        }

        private static byte[] Nested(int depth)
        {
            var w = new CborWriter();
            for (int i = 0; i < depth; i++)
            {
                w.WriteStartMap(1);
                w.WriteTextString("a");
            }

            w.WriteTextString("leaf");
            for (int i = 0; i < depth; i++)
            {
                w.WriteEndMap();
            }

            return w.Encode();
        }
    }
}
