// The station dashboard page: renders each snapshot the server pushes (server-sent events, event
// "snapshot") and fetches the device table when its filters or the records change. Every value from the
// server is set as text, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const percent = (x) => (x * 100).toFixed(1) + " %";
const utc = (iso) => (iso ? iso.replace("T", " ").replace(/\.\d+/, "").replace(/(Z|\+00:00)$/, "") : "");

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function fillTable(table, rows, columns) {
  const body = document.createElement("tbody");
  for (const item of rows) {
    const row = body.insertRow();
    for (const column of columns) {
      const [text, className] = column(item);
      cell(row, text, className);
    }
  }
  table.tBodies[0].replaceWith(body);
}

// ---- ports -------------------------------------------------------------------------------------
function portCard(port) {
  const card = document.createElement("article");
  const failed = port.step === "failed";
  card.className = "port" + (port.step === "done" ? " done" : failed ? " failed" : "");
  card.dataset.port = port.station + " " + port.port;
  const name = document.createElement("div");
  name.className = "name";
  name.textContent = port.station + " · " + port.port;
  const fields = document.createElement("dl");
  for (const [label, value] of [["chip", port.chip], ["MAC", port.mac], ["serial", port.serial], ["step", port.step]]) {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value || "–";
    dd.className = "field-" + label.toLowerCase();
    fields.append(dt, dd);
  }
  const bar = document.createElement("div");
  bar.className = "bar";
  const fill = document.createElement("div");
  const fraction = port.total > 0 ? Math.min(1, port.done / port.total) : port.step === "done" ? 1 : 0;
  fill.style.width = (fraction * 100).toFixed(1) + "%";
  bar.setAttribute("role", "progressbar");
  bar.setAttribute("aria-valuenow", Math.round(fraction * 100));
  bar.append(fill);
  card.append(name, fields, bar);
  if (port.lastError) {
    const error = document.createElement("div");
    error.className = "error";
    error.textContent = port.lastError;
    card.append(error);
  }
  return card;
}

function renderPorts(ports) {
  $("no-ports").hidden = ports.length > 0;
  $("ports").replaceChildren(...ports.map(portCard));
}

// ---- yield and failures ------------------------------------------------------------------------
function renderSummary(summary) {
  $("shift-start").textContent = "since " + utc(summary.shiftStartUtc) + " UTC";
  $("yield").textContent = summary.shift.devices > 0 ? percent(summary.shift.yield) : "–";
  $("yield-counts").textContent = summary.shift.ok + " ok of " + summary.shift.devices + " devices, " + summary.shift.attempts + " attempts";
  fillTable($("stations"), summary.stations, [
    (s) => [s.station], (s) => [s.devices], (s) => [s.ok], (s) => [s.devices > 0 ? percent(s.yield) : "–"], (s) => [s.attempts],
  ]);
  $("no-failures").hidden = summary.failures.length > 0;
  fillTable($("failures"), summary.failures, [(f) => [f.cause || "(none)"], (f) => [f.devices], (f) => [f.attempts]]);
  updateStationFilter(summary.stations.map((s) => s.station));
  renderThroughput(summary.throughput);
}

function updateStationFilter(stations) {
  const select = $("filter-station");
  const known = new Set([...select.options].map((o) => o.value));
  for (const name of stations) {
    if (!known.has(name)) select.add(new Option(name, name));
  }
}

// ---- throughput chart (uPlot) ------------------------------------------------------------------
let chart = null;

function renderThroughput(points) {
  const element = $("throughput");
  const data = [points.map((p) => Date.parse(p.startUtc) / 1000), points.map((p) => p.perHour)];
  element.dataset.points = points.filter((p) => p.devices > 0).length;
  element.dataset.devices = points.reduce((sum, p) => sum + p.devices, 0);
  if (chart) {
    chart.setData(data);
    return;
  }
  const axis = { stroke: "#8b98a5", grid: { stroke: "#2d3742" }, ticks: { stroke: "#2d3742" } };
  chart = new uPlot({
    width: Math.max(320, element.clientWidth),
    height: 240,
    // The page speaks UTC throughout, as the records do, whatever the wall screen's time zone.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    series: [
      { label: "UTC" },
      { label: "devices/hour", stroke: "#3fb950", fill: "rgba(63,185,80,0.25)", width: 2,
        paths: uPlot.paths.bars({ size: [0.8, 60] }), points: { show: false } },
    ],
    axes: [axis, { ...axis, size: 60 }],
    scales: { y: { range: (u, min, max) => [0, Math.max(4, max * 1.15)] } },
  }, data, element);
  new ResizeObserver(() => chart.setSize({ width: Math.max(320, element.clientWidth), height: 240 })).observe(element);
}

// ---- latest devices ----------------------------------------------------------------------------
let tableRequest = 0;

async function loadDevices() {
  const query = new URLSearchParams({ count: "50" });
  if ($("filter-result").value) query.set("result", $("filter-result").value);
  if ($("filter-station").value) query.set("station", $("filter-station").value);
  const mine = ++tableRequest;
  const response = await fetch("/api/devices?" + query);
  if (!response.ok) throw new Error("device table: HTTP " + response.status);
  const rows = await response.json();
  // A filter changed while this answer was on its way: the newer request draws the table.
  if (mine !== tableRequest) return;
  const table = $("devices");
  fillTable(table, rows, [
    (d) => [d.id], (d) => [d.station], (d) => [d.port], (d) => [utc(d.startedUtc)], (d) => [d.mac], (d) => [d.chip],
    (d) => [d.serial], (d) => [d.result, "result-" + d.result], (d) => [d.cause], (d) => [d.error],
  ]);
  table.dataset.filter = query.toString();
}

// ---- the stream --------------------------------------------------------------------------------
let summaryVersion = -1;

function render(snapshot) {
  $("updated").textContent = "updated " + utc(snapshot.generatedUtc) + " UTC";
  $("store-error").hidden = !snapshot.storeError;
  $("store-error").textContent = snapshot.storeError;
  renderPorts(snapshot.ports);
  if (snapshot.summary.version !== summaryVersion) {
    summaryVersion = snapshot.summary.version;
    renderSummary(snapshot.summary);
    loadDevices().catch(showLost);
  }
}

function showLost(error) {
  $("status").className = "status lost";
  $("status").textContent = String(error.message || error);
}

for (const id of ["filter-result", "filter-station"]) $(id).addEventListener("change", () => loadDevices().catch(showLost));

const events = new EventSource("/api/events");
events.addEventListener("open", () => {
  $("status").className = "status live";
  $("status").textContent = "live";
});
events.addEventListener("snapshot", (e) => render(JSON.parse(e.data)));
// EventSource reconnects by itself; the badge says so meanwhile.
events.addEventListener("error", () => showLost("reconnecting…"));
