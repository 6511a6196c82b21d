using System;
using System.Data.Common;
using System.Linq;
using System.Net.ServerSentEvents;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using NanoFleet.Station.Dashboard.Snapshot;
using NanoFleet.Station.Records;

namespace NanoFleet.Station.Dashboard.Http
{
    /// <summary>
    /// The dashboard's routes, all GET: the page and its assets, the snapshot as JSON, the snapshot
    /// stream (server-sent events, event "snapshot"), and the latest devices filtered.
    /// </summary>
    internal static class DashboardEndpoints
    {
        /// <summary>The server-sent event type carrying a snapshot.</summary>
        public const string SnapshotEvent = "snapshot";

        /// <summary>Maps every route.</summary>
        public static void Map(WebApplication app, StorePoller poller)
        {
            app.Use(async (context, next) =>
            {
                // Everything the page loads comes from here: a stray CDN reference fails loudly instead of
                // working until the station goes offline.
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "no-store";
                await next(context).ConfigureAwait(false);
            });
            EmbeddedAssets.Map(app);
            app.MapGet("/api/snapshot", () => poller.Current);
            app.MapGet("/api/events", (CancellationToken cancel) =>
                TypedResults.ServerSentEvents(poller.Watch(cancel).Select(s => new SseItem<DashboardSnapshot>(s, SnapshotEvent))));
            app.MapGet("/api/devices", (HttpRequest request) =>
            {
                DeviceQuery query;
                try
                {
                    query = DeviceQuery.Parse(request.Query);
                }
                catch (ArgumentException ex)
                {
                    return Results.BadRequest(new { error = ex.Message });
                }

                try
                {
                    var rows = poller.Read(store => store.Latest(query.Count, query.Station, query.Result)).Select(DeviceRow.From).ToList();
                    return Results.Ok(rows);
                }
                catch (Exception ex) when (ex is DbException or RecordStoreException)
                {
                    return Results.Json(new { error = "record store: " + ex.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            });
        }
    }
}
