using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Spectre.Console;

namespace NanoFleet.Cli.Demo
{
    /// <summary>Builds the progress and summary tables both views print.</summary>
    internal static class DemoTable
    {
        /// <summary>The steps a first boot goes through, in order; the summary shows time in each.</summary>
        public static readonly string[] Steps =
        {
            "ConnectingWithClaim", "SubscribingCreate", "RequestingCertificate", "SubscribingRegister", "RegisteringThing",
            "Persisting", "BackingOff", "ConnectingAsThing",
        };

        /// <summary>One row per device with its current step.</summary>
        public static Table Progress(IReadOnlyList<DeviceProgress> devices)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Virtual devices provisioning[/]");
            table.AddColumns("device", "serial", "MAC", "step", "retries", "reboots");
            foreach (var d in devices)
            {
                string step = d.Result switch
                {
                    null => "[yellow]" + Markup.Escape(d.Step) + "[/]",
                    "Operational" => "[green]Operational[/]",
                    string failure => "[red]" + Markup.Escape(failure) + "[/]",
                };
                table.AddRow(d.Name, d.SerialNumber, Hal.Host.Identity.MacAddress.ToDisplay(d.MacAddress), step,
                    d.Retries.ToString(CultureInfo.InvariantCulture), d.Reboots.ToString(CultureInfo.InvariantCulture));
            }

            return table;
        }

        /// <summary>Width the one-row-per-device summary needs without wrapping.</summary>
        public const int WideSummaryWidth = 170;

        /// <summary>
        /// The summary that fits <paramref name="width"/>: one row per device when there is room,
        /// else one column per device (steps as rows), which an 80-column terminal holds for a few devices.
        /// </summary>
        public static Table Summary(DemoReport report, int width) =>
            width >= WideSummaryWidth || 20 + (report.Devices.Count * 17) > width ? Summary(report) : SummaryByStep(report);

        /// <summary>The summary with steps as rows and one column per device.</summary>
        public static Table SummaryByStep(DemoReport report)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Summary[/] (milliseconds in each step)");
            table.AddColumn(new TableColumn("").NoWrap());
            foreach (var d in report.Devices)
            {
                table.AddColumn(new TableColumn(d.Name).RightAligned().NoWrap());
            }

            table.AddRow(report.Devices.Select(d => Markup.Escape(d.ThingName)).Prepend("thing").ToArray());
            table.AddRow(report.Devices.Select(d => Commands.DeviceCommand.Short(d.CertificateId)).Prepend("certificate").ToArray());
            foreach (string step in Steps)
            {
                table.AddRow(report.Devices.Select(d => Milliseconds(d.TimeIn(step))).Prepend(Abbreviate(step)).ToArray());
            }

            table.AddRow(report.Devices.Select(d => Milliseconds(d.Total)).Prepend("total").ToArray());
            table.AddRow(report.Devices.Select(d => d.Reboots.ToString(CultureInfo.InvariantCulture)).Prepend("reboots").ToArray());
            table.AddRow(report.Devices.Select(d => d.Result == "Operational" ? "[green]own thing+cert[/]" : "[red]" + Markup.Escape(d.Result ?? "unfinished") + "[/]").Prepend("result").ToArray());
            return table;
        }

        /// <summary>The summary with one row per device: thing, short certificate id, time per step, reboots.</summary>
        public static Table Summary(DemoReport report)
        {
            var table = new Table().Border(TableBorder.Rounded).Title("[bold]Summary[/] (milliseconds in each step)");
            table.AddColumn(new TableColumn("device").NoWrap());
            table.AddColumn(new TableColumn("thing").NoWrap());
            table.AddColumn(new TableColumn("certificate").NoWrap());
            foreach (string step in Steps)
            {
                table.AddColumn(new TableColumn(Abbreviate(step)).RightAligned().NoWrap());
            }

            table.AddColumn(new TableColumn("total").RightAligned());
            table.AddColumn(new TableColumn("reboots").RightAligned());
            table.AddColumn(new TableColumn("result").NoWrap());
            foreach (var d in report.Devices)
            {
                var cells = new List<string> { d.Name, Markup.Escape(d.ThingName), Commands.DeviceCommand.Short(d.CertificateId) };
                foreach (string step in Steps)
                {
                    cells.Add(Milliseconds(d.TimeIn(step)));
                }

                cells.Add(Milliseconds(d.Total));
                cells.Add(d.Reboots.ToString(CultureInfo.InvariantCulture));
                cells.Add(d.Result == "Operational" ? "[green]own thing, own cert[/]" : "[red]" + Markup.Escape(d.Result ?? "unfinished") + "[/]");
                table.AddRow(cells.ToArray());
            }

            return table;
        }

        /// <summary>Column headers short enough for an 80-column terminal.</summary>
        public static string Abbreviate(string step) => step switch
        {
            "ConnectingWithClaim" => "claim conn",
            "SubscribingCreate" => "sub create",
            "RequestingCertificate" => "create",
            "SubscribingRegister" => "sub reg",
            "RegisteringThing" => "register",
            "Persisting" => "persist",
            "BackingOff" => "backoff",
            "ConnectingAsThing" => "thing conn",
            _ => step,
        };

        private static string Milliseconds(TimeSpan span) =>
            span == TimeSpan.Zero ? "-" : ((long)span.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
    }
}
