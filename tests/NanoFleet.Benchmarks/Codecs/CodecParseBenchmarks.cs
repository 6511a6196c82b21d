using System;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NanoFleet.Provisioning;
using NetCbor = System.Formats.Cbor;

namespace NanoFleet.Benchmarks.Codecs
{
    /// <summary>
    /// Parse throughput of a ~4 KB CreateKeysAndCertificate accepted response: the core's readers
    /// (FpPayloadReader, JSON and CBOR) against System.Text.Json (Utf8JsonReader and JsonDocument)
    /// and System.Formats.Cbor on the same bytes. Every contender produces the same four strings,
    /// so the work compared is the same. The Ratio column is core ÷ platform baseline per format.
    /// Run: dotnet run -c Release --project tests/NanoFleet.Benchmarks -- --filter '*CodecParse*'
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class CodecParseBenchmarks
    {
        private readonly CreateKeysResponseFixture _fixture = new CreateKeysResponseFixture();
        private readonly CreateCertificateAccepted _result = new CreateCertificateAccepted();
        private readonly FpReadError _error = new FpReadError();

        [GlobalSetup]
        public void CheckContendersAgree()
        {
            if (CoreJson() != _fixture.Token || CoreCbor() != _fixture.Token || Utf8JsonReaderJson() != _fixture.Token
                || JsonDocumentJson() != _fixture.Token || SystemFormatsCbor() != _fixture.Token)
            {
                throw new InvalidOperationException("Failed to parse the benchmark payload identically with every reader.");
            }

            Console.WriteLine($"// payload: JSON {_fixture.Json.Length} bytes, CBOR {_fixture.Cbor.Length} bytes");
        }

        [Benchmark]
        [BenchmarkCategory("Json")]
        public string CoreJson() => ReadCore(FpFormat.Json, _fixture.Json);

        [Benchmark(Baseline = true)]
        [BenchmarkCategory("Json")]
        public string Utf8JsonReaderJson()
        {
            var reader = new Utf8JsonReader(_fixture.Json);
            string id = "", pem = "", key = "", token = "";
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("certificateId"u8)) { reader.Read(); id = reader.GetString()!; }
                else if (reader.ValueTextEquals("certificatePem"u8)) { reader.Read(); pem = reader.GetString()!; }
                else if (reader.ValueTextEquals("privateKey"u8)) { reader.Read(); key = reader.GetString()!; }
                else if (reader.ValueTextEquals("certificateOwnershipToken"u8)) { reader.Read(); token = reader.GetString()!; }
                else { reader.Skip(); }
            }

            return Keep(id, pem, key, token);
        }

        [Benchmark]
        [BenchmarkCategory("Json")]
        public string JsonDocumentJson()
        {
            using JsonDocument document = JsonDocument.Parse(_fixture.Json);
            JsonElement root = document.RootElement;
            return Keep(root.GetProperty("certificateId").GetString()!, root.GetProperty("certificatePem").GetString()!,
                root.GetProperty("privateKey").GetString()!, root.GetProperty("certificateOwnershipToken").GetString()!);
        }

        [Benchmark]
        [BenchmarkCategory("Cbor")]
        public string CoreCbor() => ReadCore(FpFormat.Cbor, _fixture.Cbor);

        [Benchmark(Baseline = true)]
        [BenchmarkCategory("Cbor")]
        public string SystemFormatsCbor()
        {
            var reader = new NetCbor.CborReader(_fixture.Cbor, NetCbor.CborConformanceMode.Strict);
            string id = "", pem = "", key = "", token = "";
            int pairs = reader.ReadStartMap()!.Value;
            for (int i = 0; i < pairs; i++)
            {
                switch (reader.ReadTextString())
                {
                    case "certificateId": id = reader.ReadTextString(); break;
                    case "certificatePem": pem = reader.ReadTextString(); break;
                    case "privateKey": key = reader.ReadTextString(); break;
                    case "certificateOwnershipToken": token = reader.ReadTextString(); break;
                    default: reader.SkipValue(); break;
                }
            }

            reader.ReadEndMap();
            return Keep(id, pem, key, token);
        }

        private string ReadCore(FpFormat format, byte[] payload)
        {
            FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, true, _result, _error);
            if (status != FpStatus.Success)
            {
                throw new InvalidOperationException("Failed to parse the benchmark payload: " + _error);
            }

            return Keep(_result.CertificateId, _result.CertificatePem, _result.PrivateKey!, _result.CertificateOwnershipToken);
        }

        /// <summary>Returns the token after checking the other fields were produced, so no contender can skip work.</summary>
        private string Keep(string id, string pem, string key, string token) =>
            id.Length == 64 && pem.Length == _fixture.CertificatePem.Length && key.Length == _fixture.PrivateKeyPem.Length ? token : "";
    }
}
