using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NanoFleet.Station.Records
{
    /// <summary>Writes device records as RFC 4180 CSV (for `station export --csv`).</summary>
    public static class RecordCsv
    {
        /// <summary>Column names, in order.</summary>
        public const string Header = "id,station,operator,port,started_utc,finished_utc,mac,chip,chip_revision,serial," +
            "claim_cert_sha256,image_sha256s,result,cause,error";

        /// <summary>Writes the header and one line per record.</summary>
        public static void Write(TextWriter writer, IEnumerable<DeviceRecord> records)
        {
            writer.Write(Header + "\n");
            foreach (DeviceRecord r in records)
            {
                string[] fields =
                {
                    r.Id.ToString(CultureInfo.InvariantCulture), r.Station, r.Operator, r.Port,
                    r.StartedUtc.ToString("O", CultureInfo.InvariantCulture),
                    r.FinishedUtc?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                    r.Mac, r.Chip, r.ChipRevision.ToString(CultureInfo.InvariantCulture), r.Serial, r.ClaimCertSha256,
                    r.ImageSha256s, Name(r.Result), Name(r.Cause), r.Error,
                };
                for (int i = 0; i < fields.Length; i++)
                {
                    writer.Write(i == 0 ? "" : ",");
                    writer.Write(Quote(fields[i]));
                }

                writer.Write("\n");
            }
        }

        /// <summary>kebab-case name of a result.</summary>
        public static string Name(DeviceResult result) => result switch
        {
            DeviceResult.InProgress => "in-progress",
            DeviceResult.Ok => "ok",
            DeviceResult.Failed => "failed",
            _ => "refused",
        };

        /// <summary>kebab-case name of a cause.</summary>
        public static string Name(FailureCause cause) => cause switch
        {
            FailureCause.None => "",
            FailureCause.WrongChip => "wrong-chip",
            FailureCause.AlreadyProvisioned => "already-provisioned",
            FailureCause.BadImage => "bad-image",
            FailureCause.RecordStore => "record-store",
            _ => cause.ToString().ToLowerInvariant(),
        };

        private static string Quote(string field) =>
            field.IndexOfAny(new[] { ',', '"', '\n', '\r' }) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
    }
}
