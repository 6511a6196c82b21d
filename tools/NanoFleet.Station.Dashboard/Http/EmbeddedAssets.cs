using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NanoFleet.Station.Dashboard.Http
{
    /// <summary>
    /// Serves the page, its script and style and the vendored chart library from this assembly's
    /// embedded wwwroot, so the dashboard needs no files beside `nanofleet` and no network.
    /// </summary>
    internal static class EmbeddedAssets
    {
        private const string Root = "wwwroot/";

        private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
        {
            [".html"] = "text/html; charset=utf-8",
            [".js"] = "text/javascript; charset=utf-8",
            [".css"] = "text/css; charset=utf-8",
        };

        /// <summary>Maps GET for every embedded asset at its path under wwwroot, and "/" to index.html.</summary>
        public static void Map(WebApplication app)
        {
            Assembly assembly = typeof(EmbeddedAssets).Assembly;
            foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Root, StringComparison.Ordinal)))
            {
                byte[] bytes = Read(assembly, name);
                string path = "/" + name[Root.Length..];
                string type = ContentTypes.GetValueOrDefault(Path.GetExtension(path), "text/plain; charset=utf-8");
                IResult result = Results.Bytes(bytes, type);
                app.MapGet(path, () => result);
                if (path == "/index.html")
                {
                    app.MapGet("/", () => result);
                }
            }
        }

        private static byte[] Read(Assembly assembly, string name)
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
