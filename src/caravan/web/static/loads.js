// Freight loads on the map. Everything shown comes from one /api/v1/assignment call for the
// slider's year and the scenario picker's scenario: link width = Mt/yr (rail and road demand
// together), colour = utilisation (flow over the published capacity; grey where none is
// published); crossing circles coloured by their busier direction's utilisation. The panel
// lists the crossings as a table, so every figure can be read without a mouse.
/* global L */
import { $, api, el, fmt1, tableDownload, scrollTable } from "./util.js";

const BANDS = [
  { below: 0.5, color: "#1a9850", label: "under 50 %" },
  { below: 0.85, color: "#d9b300", label: "50–85 %" },
  { below: 1.0, color: "#f46d43", label: "85–100 %" },
  { below: Infinity, color: "#b2182b", label: "over capacity" },
];
const UNCAPACITATED = "#8c8c8c";
const pct = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });
const mt = new Intl.NumberFormat("en", { maximumFractionDigits: 2, minimumFractionDigits: 2 });

let ctx = null; // { map, state }
const view = { ticket: 0, key: null, group: null };

function colour(utilisation) {
  if (utilisation === null || utilisation === undefined) return UNCAPACITATED;
  return BANDS.find((band) => utilisation < band.below).color;
}

function legend() {
  return el("div", { class: "legend", id: "loads-legend", "data-testid": "loads-legend" }, "utilisation:",
    ...BANDS.map((band) => el("span", { class: "item" }, el("span", { class: "swatch", style: `background:${band.color}` }), band.label)),
    el("span", { class: "item" }, el("span", { class: "swatch", style: `background:${UNCAPACITATED}` }), "no published capacity"),
    el("span", { class: "item" }, "width: Mt/yr"));
}

/** Build the panel's loads section into #loads-panel and remember the map and page state. */
export function setupLoads(context) {
  ctx = context;
  view.group = L.layerGroup();
  const toggle = el("input", { type: "checkbox", id: "loads-toggle", "data-testid": "loads-toggle" });
  toggle.addEventListener("change", () => {
    if (toggle.checked) { view.group.addTo(ctx.map); load(); } else { view.group.remove(); $("#loads-status").textContent = ""; }
  });
  $("#loads-panel").replaceChildren(
    el("h3", {}, "Freight loads"),
    el("label", {}, toggle, " Loads at equilibrium (year of the slider, scenario of the picker)"),
    el("p", { id: "loads-status", role: "status", "aria-live": "polite", "data-testid": "loads-status" }),
    legend(),
    el("div", { id: "loads-table-holder" }));
}

/** Redraw for the slider's year and the picker's scenario when the layer is shown (the page calls it). */
export function refreshLoads() {
  if ($("#loads-toggle")?.checked) load();
}

async function load() {
  const year = Number(ctx.state.date.slice(0, 4));
  const scenario = ctx.state.scenario;
  const key = `${year}/${scenario}`;
  if (key === view.key) return;
  const ticket = ++view.ticket;
  const status = $("#loads-status");
  status.textContent = `Assigning the freight of ${year} (${scenario})…`;
  document.body.dataset.loadsReady = "false";
  let shownYear = year;
  let result;
  try {
    try {
      result = await api("/api/v1/assignment", { year, scenario: scenario === "today" ? null : scenario });
    } catch (error) {
      const nearest = (error.problem?.suggestions || []).map(Number).filter((y) => y <= year);
      if (!nearest.length) throw error;
      shownYear = Math.max(...nearest);
      result = await api("/api/v1/assignment", { year: shownYear, scenario: scenario === "today" ? null : scenario });
    }
  } catch (error) {
    if (ticket !== view.ticket) return;
    status.textContent = `No loads: ${error.message}`;
    view.group.clearLayers();
    document.body.dataset.loadsReady = "error";
    return;
  }
  if (ticket !== view.ticket) return;
  view.key = key;
  draw(result);
  const missed = result.runs.filter((run) => !run.converged).length;
  status.textContent = `${shownYear === year ? "Loads" : `${year} has no trade figures; loads`} of ${shownYear} on the network of ${result.date}`
    + ` (${scenario}); relative gap ${result.runs.map((r) => `${r.mode} ${r.relative_gap.toExponential(1)}`).join(", ")}`
    + (missed ? "; the target gap was missed" : "") + ".";
  document.body.dataset.loadsReady = "true";
}

function crossingTotals(result) {
  const totals = new Map();
  for (const row of result.crossings) {
    const item = totals.get(row.crossing_id) || { id: row.crossing_id, name: row.name, mode: row.mode, mt: 0, utilisation: null, waiting: 0,
      capacity: false, clearance: 0, stand_in: false };
    item.clearance = Math.max(item.clearance, row.free_flow_time_h);
    item.stand_in ||= !row.clearance_published;
    item.mt += row.mt_per_year;
    if (row.utilisation !== null) item.utilisation = Math.max(item.utilisation ?? 0, row.utilisation);
    item.capacity ||= row.capacity_vehicles_per_day !== null;
    item.waiting = Math.max(item.waiting, row.waiting_h);
    totals.set(row.crossing_id, item);
  }
  return [...totals.values()].sort((a, b) => b.mt - a.mt);
}

function draw(result) {
  view.group.clearLayers();
  const links = result.link_totals.filter((row) => row.mt_per_year > 1e-6);
  const largest = Math.max(1e-9, ...links.map((row) => row.mt_per_year));
  for (const row of links) {
    const feature = ctx.state.links.get(row.link_id);
    if (!feature) continue;
    const weight = 1.5 + 10 * Math.sqrt(row.mt_per_year / largest);
    const line = L.geoJSON(feature, { style: { color: colour(row.utilisation), weight, opacity: 0.85, lineCap: "round" } });
    line.bindTooltip(`${row.link_id}: ${mt.format(row.mt_per_year)} Mt/yr`
      + (row.utilisation === null ? "" : `, ${pct.format(row.utilisation)} of capacity`));
    line.addTo(view.group);
  }
  const crossings = crossingTotals(result);
  const busiest = Math.max(1e-9, ...crossings.map((c) => c.mt));
  for (const item of crossings) {
    const feature = ctx.state.crossings.get(item.id);
    if (!feature) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const radius = 5 + 9 * Math.sqrt(item.mt / busiest);
    const marker = L.circleMarker([lat, lon], { radius, color: "#222", weight: 1, fillColor: colour(item.utilisation), fillOpacity: 0.9 });
    marker.bindTooltip(`${item.name}: ${mt.format(item.mt)} Mt/yr, ${item.utilisation === null ? "uncapacitated" : pct.format(item.utilisation)}`);
    marker.addTo(view.group);
  }
  const table = el("table", { "data-testid": "loads-table" },
    el("caption", {}, "Crossings by load (both directions)"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "crossing"), el("th", { scope: "col" }, "mode"),
      el("th", { scope: "col", class: "num" }, "Mt/yr"), el("th", { scope: "col", class: "num" }, "utilisation"),
      el("th", { scope: "col", class: "num" }, "clearance h"), el("th", { scope: "col", class: "num" }, "waiting h"))),
    el("tbody", {}, crossings.filter((c) => c.mt > 0.005).map((c) => el("tr", {},
      el("th", { scope: "row" }, el("span", { class: "dot", style: `background:${colour(c.utilisation)}` }), " ", c.name),
      el("td", {}, c.mode), el("td", { class: "num" }, mt.format(c.mt)),
      el("td", { class: "num" }, c.utilisation === null ? "uncapacitated" : pct.format(c.utilisation)),
      el("td", { class: "num" }, `${fmt1.format(c.clearance)}${c.stand_in ? "\u00a0*" : ""}`),
      el("td", { class: "num" }, fmt1.format(c.waiting))))));
  const note = el("p", { class: "note" }, "* no clearance time of its own in at least one direction: its border's published average (CPMM country average) stands in, or, without one, the median of the crossings that publish one.");
  $("#loads-table-holder").replaceChildren(scrollTable("Crossings by load", table), note, tableDownload(table, "crossing-loads.csv", "CSV"));
}
