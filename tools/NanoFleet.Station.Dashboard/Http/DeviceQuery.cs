using System;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;
using NanoFleet.Station.Records;

namespace NanoFleet.Station.Dashboard.Http
{
    /// <summary>The device table's filters, from `/api/devices?result=ok&amp;station=line-1&amp;count=50`.</summary>
    public sealed record DeviceQuery(int Count, string? Station, DeviceResult? Result)
    {
        /// <summary>Rows when no count is given.</summary>
        public const int DefaultCount = 50;

        /// <summary>The most rows one request returns: the table is the latest devices, not an export.</summary>
        public const int MaxCount = 500;

        /// <summary>Reads the query string; an empty value means no filter.</summary>
        /// <exception cref="ArgumentException">A bad value; the message names the parameter and the value.</exception>
        public static DeviceQuery Parse(IQueryCollection query)
        {
            ArgumentNullException.ThrowIfNull(query);
            string count = query["count"].ToString(), station = query["station"].ToString(), result = query["result"].ToString();
            int rows = DefaultCount;
            if (count.Length > 0 && (!int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out rows) || rows < 1 || rows > MaxCount))
            {
                throw new ArgumentException($"count={count}: expected 1 to {MaxCount}");
            }

            DeviceResult? wanted = null;
            if (result.Length > 0)
            {
                var match = Enum.GetValues<DeviceResult>().Where(r => RecordCsv.Name(r) == result).ToList();
                if (match.Count == 0)
                {
                    throw new ArgumentException($"result={result}: expected one of " +
                        string.Join(", ", Enum.GetValues<DeviceResult>().Select(RecordCsv.Name)));
                }

                wanted = match[0];
            }

            return new DeviceQuery(rows, station.Length > 0 ? station : null, wanted);
        }
    }
}
