using System;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using NanoFleet.Provisioning;
using NetCbor = System.Formats.Cbor;

namespace NanoFleet.Benchmarks.Codecs
{
    /// <summary>
    /// Parse throughput of a ~4 KB CreateKeysAndCertificate accepted response: the core's readers
    /// (FpPayloadReader, JSON and CBOR) against System.Text.Json's Utf8JsonReader and
    /// System.Formats.Cbor on the same bytes. Every contender produces what the core keeps: the id
    /// as a string, the certificate, key and token as unescaped UTF-8 byte arrays of exact size,
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
            byte[] token = Encoding.UTF8.GetBytes(_fixture.Token);
            if (!token.AsSpan().SequenceEqual(CoreJson()) || !token.AsSpan().SequenceEqual(CoreCbor())
                || !token.AsSpan().SequenceEqual(Utf8JsonReaderJson()) || !token.AsSpan().SequenceEqual(SystemFormatsCbor()))
            {
                throw new InvalidOperationException("Failed to parse the benchmark payload identically with every reader.");
            }

            Console.WriteLine($"// payload: JSON {_fixture.Json.Length} bytes, CBOR {_fixture.Cbor.Length} bytes");
        }

        [Benchmark]
        [BenchmarkCategory("Json")]
        public byte[] CoreJson() => ReadCore(FpFormat.Json, _fixture.Json);

        [Benchmark(Baseline = true)]
        [BenchmarkCategory("Json")]
        public byte[] Utf8JsonReaderJson()
        {
            var reader = new Utf8JsonReader(_fixture.Json);
            string id = "";
            byte[] pem = [], key = [], token = [];
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("certificateId"u8)) { reader.Read(); id = reader.GetString()!; }
                else if (reader.ValueTextEquals("certificatePem"u8)) { reader.Read(); pem = Unescaped(ref reader); }
                else if (reader.ValueTextEquals("privateKey"u8)) { reader.Read(); key = Unescaped(ref reader); }
                else if (reader.ValueTextEquals("certificateOwnershipToken"u8)) { reader.Read(); token = Unescaped(ref reader); }
                else { reader.Skip(); }
            }

            return Keep(id, pem, key, token);
        }

        [Benchmark]
        [BenchmarkCategory("Cbor")]
        public byte[] CoreCbor() => ReadCore(FpFormat.Cbor, _fixture.Cbor);

        [Benchmark(Baseline = true)]
        [BenchmarkCategory("Cbor")]
        public byte[] SystemFormatsCbor()
        {
            var reader = new NetCbor.CborReader(_fixture.Cbor, NetCbor.CborConformanceMode.Strict);
            string id = "";
            byte[] pem = [], key = [], token = [];
            int pairs = reader.ReadStartMap()!.Value;
            for (int i = 0; i < pairs; i++)
            {
                switch (reader.ReadTextString())
                {
                    case "certificateId": id = reader.ReadTextString(); break;
                    case "certificatePem": pem = reader.ReadDefiniteLengthTextStringBytes().ToArray(); break;
                    case "privateKey": key = reader.ReadDefiniteLengthTextStringBytes().ToArray(); break;
                    case "certificateOwnershipToken": token = reader.ReadDefiniteLengthTextStringBytes().ToArray(); break;
                    default: reader.SkipValue(); break;
                }
            }

            reader.ReadEndMap();
            return Keep(id, pem, key, token);
        }

        /// <summary>The current JSON string unescaped into an exact-size array (CopyString needs room for the escaped length).</summary>
        private static byte[] Unescaped(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                return reader.ValueSpan.ToArray();
            }

            byte[] room = new byte[reader.ValueSpan.Length];
            int length = reader.CopyString(room);
            return room.AsSpan(0, length).ToArray();
        }

        private byte[] ReadCore(FpFormat format, byte[] payload)
        {
            FpStatus status = FpPayloadReader.ReadCreateCertificateAccepted(format, payload, 0, payload.Length, FpReaderOptions.Default, true, _result, _error);
            if (status != FpStatus.Success)
            {
                throw new InvalidOperationException("Failed to parse the benchmark payload: " + _error);
            }

            return Keep(_result.CertificateId, _result.CertificatePem, _result.PrivateKey!, _result.CertificateOwnershipToken);
        }

        /// <summary>Returns the token after checking the other fields were produced, so no contender can skip work.</summary>
        private byte[] Keep(string id, byte[] pem, byte[] key, byte[] token) =>
            id.Length == 64 && pem.Length == _fixture.CertificatePem.Length && key.Length == _fixture.PrivateKeyPem.Length ? token : [];
    }
}
