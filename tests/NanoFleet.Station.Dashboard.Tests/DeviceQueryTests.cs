using System;
using System.Collections.Generic;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using NanoFleet.Station.Dashboard.Http;
using NanoFleet.Station.Records;
using Xunit;

namespace NanoFleet.Station.Dashboard.Tests
{
    public class DeviceQueryTests
    {
        private static IQueryCollection Query(params (string Key, string Value)[] pairs)
        {
            var values = new Dictionary<string, StringValues>();
            foreach ((string key, string value) in pairs) values[key] = value;
            return new QueryCollection(values);
        }

        [Fact]
        public void Parse_Empty_LatestFiftyUnfiltered()
        {
            Assert.Equal(new DeviceQuery(DeviceQuery.DefaultCount, null, null), DeviceQuery.Parse(Query()));
            Assert.Equal(new DeviceQuery(DeviceQuery.DefaultCount, null, null), DeviceQuery.Parse(Query(("result", ""), ("station", ""))));
        }

        [Theory]
        [InlineData("ok", DeviceResult.Ok)]
        [InlineData("failed", DeviceResult.Failed)]
        [InlineData("refused", DeviceResult.Refused)]
        [InlineData("in-progress", DeviceResult.InProgress)]
        public void Parse_ResultStationCount_HappyPath(string result, DeviceResult expected)
        {
            var query = DeviceQuery.Parse(Query(("result", result), ("station", "line-2"), ("count", "7")));

            Assert.Equal(new DeviceQuery(7, "line-2", expected), query);
        }

        [Theory]
        [InlineData("result", "OK", "result=OK: expected one of in-progress, ok, failed, refused")]
        [InlineData("count", "0", "count=0: expected 1 to 500")]
        [InlineData("count", "501", "count=501: expected 1 to 500")]
        [InlineData("count", "ten", "count=ten: expected 1 to 500")]
        public void Parse_BadParams_MessageNamesParameterAndValue(string key, string value, string message)
        {
            var ex = Assert.Throws<ArgumentException>(() => DeviceQuery.Parse(Query((key, value))));

            Assert.Equal(message, ex.Message);
        }
    }
}
