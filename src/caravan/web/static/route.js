// Route planner: the form, the best route first and the alternatives after, the Pareto front
// as a chart and a table, downloads. Every figure comes from /api/v1/route.
/* global L, Chart */
import { $, api, el, fmt, fmt1, sourceLink, csvText, download, downloadButton, tableDownload, scrollTable,
  COUNTRY_LABELS } from "./util.js";

const ROUTE_COLORS = ["#111111", "#d95f02", "#7570b3", "#1b9e77", "#e7298a", "#66a61e", "#a6761d", "#e6ab02"];
const TRANSFER_LABELS = { gauge_transshipment: "transshipment between gauges", bogie_exchange: "bogie exchange",
  border_transload: "transload at the border", port_handling: "port handling", road_rail_handling: "road–rail handling" };
const UNIT_LABELS = { teu: "TEU", feu: "FEU", tonne: "tonne" };
const SERVICE_LABELS = { block: "container block trains", wagonload: "wagonload" };
const SEPARATOR = /\s*;\s*/;

let ctx = null; // { map, groups, state, coords, onSearch }
const route = { ticket: 0, itineraries: [], labels: [], selected: 0, layers: [], query: null, chart: null };

export function setupRoute(context) {
  ctx = context;
  $("#route-form").addEventListener("submit", (event) => { event.preventDefault(); planRoute(readForm(), { push: true }); });
  $("#route-form").addEventListener("change", () => { $("#route-modes-error").textContent = ""; });
  const crossings = ctx.state.layers.crossings.features.map((f) => f.properties);
  const placeOptions = ctx.state.layers.places.features.map((f) => el("option", { value: f.properties.name }));
  $("#place-names").replaceChildren(...placeOptions);
  $("#via-names").replaceChildren(...crossings.map((c) => el("option", { value: c.name })), ...placeOptions.map((o) => o.cloneNode()));
  $("#avoid-names").replaceChildren(...Object.values(COUNTRY_LABELS).map((name) => el("option", { value: name })),
    ...crossings.map((c) => el("option", { value: c.name })), ...placeOptions.map((o) => o.cloneNode()));
}

// -- names and identifiers ---------------------------------------------------------------------
function placeName(id) { return ctx.state.places.get(id)?.properties.name || id; }
function crossingName(id) { return ctx.state.crossings.get(id)?.properties.name || id; }
function transferName(code) { return TRANSFER_LABELS[code] || String(code || "transfer").replaceAll("_", " "); }

/** What a person typed for via or avoid, as the API's identifiers (crossing and country names to ids). */
function toApiItem(text) {
  const lower = text.toLowerCase();
  const crossing = [...ctx.state.crossings.values()].find((f) => f.properties.name.toLowerCase() === lower || f.properties.id === text);
  if (crossing) return crossing.properties.id;
  const country = Object.entries(COUNTRY_LABELS).find(([id, name]) => name.toLowerCase() === lower || id === lower);
  if (country) return country[0];
  return text;
}

function toLabel(item) {
  if (ctx.state.crossings.has(item)) return crossingName(item);
  if (COUNTRY_LABELS[item]) return COUNTRY_LABELS[item];
  return item;
}

function split(text) { return (text || "").split(SEPARATOR).map((s) => s.trim()).filter(Boolean); }

// -- the form and the URL ----------------------------------------------------------------------
export function readForm() {
  const form = new FormData($("#route-form"));
  return { from: form.get("origin").trim(), to: form.get("destination").trim(), via: split(form.get("via")).map(toApiItem),
    avoid: split(form.get("avoid")).map(toApiItem), mode: form.getAll("mode"), by: form.get("by"), unit: form.get("unit"),
    service: form.get("service") || "block", alt: Math.max(0, Math.min(5, Number(form.get("alternatives")) || 0)), date: form.get("date") || ctx.state.date,
    scenario: ctx.state.scenario };
}

export function fillForm(query) {
  const form = $("#route-form");
  form.elements.origin.value = query.from || "";
  form.elements.destination.value = query.to || "";
  form.elements.via.value = (query.via || []).map(toLabel).join("; ");
  form.elements.avoid.value = (query.avoid || []).map(toLabel).join("; ");
  for (const box of form.querySelectorAll("input[name=mode]")) box.checked = !query.mode?.length || query.mode.includes(box.value);
  if (query.by) form.elements.by.value = query.by;
  if (query.unit) form.elements.unit.value = query.unit;
  if (query.service) form.elements.service.value = query.service;
  if (query.alt !== undefined) form.elements.alternatives.value = String(query.alt);
  if (query.date) form.elements.date.value = query.date;
}

export function queryToParams(query, params) {
  params.set("from", query.from);
  params.set("to", query.to);
  for (const key of ["via", "avoid", "mode"]) query[key].forEach((v) => params.append(key, v));
  params.set("by", query.by);
  params.set("unit", query.unit);
  params.set("service", query.service || "block");
  params.set("alt", String(query.alt));
  params.set("date", query.date);
}

export function paramsToQuery(params) {
  if (!params.get("from") || !params.get("to")) return null;
  return { from: params.get("from"), to: params.get("to"), via: params.getAll("via"), avoid: params.getAll("avoid"),
    mode: params.getAll("mode").length ? params.getAll("mode") : ["rail", "road", "ferry"], by: params.get("by") || "generalised", unit: params.get("unit") || "teu", service: params.get("service") || "block",
    alt: Number(params.get("alt") ?? 2), date: params.get("date") || ctx.state.date, scenario: params.get("scenario") || "today" };
}

export function currentQuery() { return route.query; }

// -- searching ----------------------------------------------------------------------------------
function clearResults() {
  route.itineraries = []; route.labels = []; route.selected = 0;
  $("#route-result").replaceChildren();
  $("#route-pareto").replaceChildren();
  route.chart?.destroy();
  route.chart = null;
  $("#pareto-chart").hidden = true;
  $("#route-downloads").hidden = true;
  ctx.groups.route.clearLayers();
  delete document.body.dataset.routeDrawn;
}

function apiParams(query, alternatives, pareto) {
  return { origin: query.from, destination: query.to, mode: query.mode, via: query.via, avoid: query.avoid,
    by: query.by, unit: query.unit, service: query.service, date: query.date, alternatives, pareto,
    scenario: query.scenario && query.scenario !== "today" ? query.scenario : undefined };
}

/** The best route first (one quick request), then the alternatives and the Pareto front. */
export async function planRoute(query, { push = false } = {}) {
  const status = $("#route-status");
  const ticket = ++route.ticket;
  clearResults();
  status.className = "";
  if (!query.mode.length) {
    status.className = "error";
    status.textContent = "Tick at least one mode (rail, road or ferry): with none there is nothing to route on.";
    $("#route-modes-error").textContent = "Choose at least one mode.";
    $("#route-form input[name=mode]").focus();
    return;
  }
  route.query = query;
  ctx.onSearch?.(query, push);
  status.textContent = "Finding the best route…";
  $("#route-result").setAttribute("aria-busy", "true");
  try {
    const first = await api("/api/v1/route", apiParams(query, 0, false));
    if (ticket !== route.ticket) return;
    showResult([first.best], ["Best route"]);
    const box = notices(first);
    if (box) $("#route-result").prepend(box);
    if (query.alt === 0) {
      status.textContent = "Best route shown (no alternatives asked for).";
    } else {
      status.textContent = "Best route shown; looking for alternatives and the time–cost front…";
      try {
        const full = await api("/api/v1/route", apiParams(query, query.alt, true));
        if (ticket !== route.ticket) return;
        addAlternatives(full.alternatives);
        drawPareto(full.pareto);
        status.textContent = `${full.alternatives.length + 1} route(s); ${full.pareto.length} on the time–cost front.`;
      } catch (error) {
        if (ticket !== route.ticket) return;
        status.className = "error";
        status.textContent = `Best route shown, but the alternatives failed: ${error.message}`;
      }
    }
  } catch (error) {
    if (ticket !== route.ticket) return;
    clearResults();
    status.className = "error";
    status.textContent = error.message;
    offerPlaces(status, error.problem);
  } finally {
    if (ticket === route.ticket) $("#route-result").removeAttribute("aria-busy");
  }
}

/** Under an unknown or ambiguous place, each place it may mean as a button that puts it in the
 * field the name was typed in and plans again. A choice among places sharing a name goes in by
 * its id (the name alone would fit them all again). */
function offerPlaces(status, problem) {
  const typed = problem?.name;
  const choices = problem?.choices || [];
  const offered = choices.length ? choices : (problem?.suggestions || []).filter((s) => s && s.id);
  if (!offered.length) return;
  if (typed) status.textContent = `${problem.title} “${typed}”.`;
  const field = typed ? fieldHolding(typed) : null;
  const label = (place) => (choices.length ? `${place.name} (${place.id})` : place.name);
  const item = (place) => (field
    ? el("button", { type: "button", class: "place-offer", "data-place-id": place.id,
      onclick: () => { field.replace(choices.length ? place.id : place.name); planRoute(readForm(), { push: true }); } }, label(place))
    : label(place));
  const items = offered.map(item).flatMap((node, index) => (index ? [" ", node] : [node]));
  status.append(el("div", { "data-testid": "place-offers" }, choices.length ? "It could be: " : "Did you mean: ", ...items));
}

/** The form field a typed name came from, with a way to replace that name in it. */
function fieldHolding(typed) {
  const form = $("#route-form");
  for (const name of ["origin", "destination"]) {
    const input = form.elements[name];
    if (input.value.trim() === typed) return { replace: (value) => { input.value = value; } };
  }
  for (const name of ["via", "avoid"]) {
    const input = form.elements[name];
    const items = split(input.value);
    if (items.includes(typed)) {
      return { replace: (value) => { input.value = items.map((v) => (v === typed ? value : v)).join("; "); } };
    }
  }
  return null;
}

/** What the answer says about the question: a name read one way, a calendar that ends. */
function notices(result) {
  const items = [...(result.notes || []), ...(result.warnings || [])];
  if (!items.length) return null;
  return el("ul", { class: "notices", "data-testid": "route-notices" }, items.map((text) => el("li", {}, text)));
}

function showResult(itineraries, labels) {
  route.itineraries = itineraries;
  route.labels = labels;
  $("#route-result").replaceChildren(...itineraries.map((it, i) => itineraryCard(it, i)));
  $("#route-downloads").hidden = false;
  fitRoutes();
  document.body.dataset.routeDrawn = String(itineraries[0].legs.length);
  selectRoute(0, false);
}

/** The alternatives join the best route already on screen (its card, and the focus in it, stay). */
function addAlternatives(alternatives) {
  const start = route.itineraries.length;
  route.itineraries.push(...alternatives);
  route.labels.push(...alternatives.map((_, i) => `Alternative ${start + i}`));
  $("#route-result").append(...alternatives.map((it, i) => itineraryCard(it, start + i)));
  fitRoutes();
  selectRoute(route.selected, false);
}

/** The map shows every drawn route whole: the links' lines, not only the legs' ends (a road leg runs through places it does not name). */
function fitRoutes() {
  drawRoutes();
  const ends = route.itineraries.flatMap((it) => it.legs.flatMap((leg) => [ctx.coords(leg.from_id), ctx.coords(leg.to_id)]));
  const bounds = L.latLngBounds(ends.filter(Boolean));
  for (const layer of route.layers) if (layer.getLayers().length) bounds.extend(layer.getBounds());
  if (bounds.isValid()) ctx.map.fitBounds(bounds, { padding: [30, 30] });
}

// -- an itinerary: names first, identifiers in a details view -----------------------------------
/** A terminal step by what happens there: forming and waiting before a train, loading a truck, unloading at the end. */
function terminalText(leg, first) {
  if (first) return leg.mode === "rail" ? "terminal (forming the train, waiting for its departure)" : "terminal (loading)";
  return leg.mode === "rail" ? "terminal (unloading, release)" : "terminal (unloading)";
}

function stepText(leg, n) {
  if (leg.kind === "run") return `${leg.mode}${leg.gauge_mm ? ` (${fmt.format(leg.gauge_mm)} mm)` : ""}`;
  if (leg.kind === "border") return `border: ${crossingName(leg.crossing_id)}${leg.gauge_change ? " (gauge change)" : ""}`;
  if (leg.kind === "terminal") return terminalText(leg, n === 0);
  return transferName(leg.transfer);
}

function range(it, key, scale, format) {
  const low = it[`${key}_low`]; const high = it[`${key}_high`];
  if (typeof low !== "number" || typeof high !== "number") return null;
  return `${format.format(low / scale)}–${format.format(high / scale)}`;
}

function summary(it) {
  const via = it.crossings.map(crossingName).join(", ") || "no border crossing";
  return `${it.modes.join(" + ")} via ${via}`;
}

function itineraryCard(it, index) {
  const color = ROUTE_COLORS[index % ROUTE_COLORS.length];
  const unit = UNIT_LABELS[it.unit] || it.unit;
  const days = range(it, "time_h", 24, fmt1);
  const departure = range(it, "time_from_departure_h", 24, fmt1);
  const cost = range(it, "cost_usd", 1, fmt);
  const slug = `${it.origin}-${it.destination}-${index === 0 ? "best" : `alt${index}`}`;
  const rows = it.legs.map((leg, n) => el("tr", { class: leg.kind },
    el("td", {}, n + 1), el("td", {}, stepText(leg, n)),
    el("td", {}, leg.from_id === leg.to_id ? placeName(leg.from_id) : `${placeName(leg.from_id)} → ${placeName(leg.to_id)}`),
    el("td", { class: "num" }, leg.length_km ? fmt.format(leg.length_km) : ""),
    el("td", { class: "num" }, fmt1.format(leg.time_h)),
    el("td", { class: "num" }, fmt.format(leg.cost_usd), sourceLink(leg.sources))));
  const codes = el("details", { class: "codes" }, el("summary", {}, "Identifiers"),
    el("dl", {}, el("dt", {}, "places"), el("dd", {}, `${it.origin} → ${it.destination}`),
      el("dt", {}, "crossings"), el("dd", {}, it.crossings.join(", ") || "none"),
      el("dt", {}, "legs"), el("dd", {}, el("ol", {}, it.legs.map((leg) => el("li", {},
        [leg.kind, leg.crossing_id, leg.transfer, leg.link_ids.join(" ")].filter(Boolean).join(": ")))))));
  return el("section", { class: "itinerary", "data-testid": "itinerary", "data-index": String(index), style: `--route: ${color}` },
    el("h3", {}, el("span", { class: "route-swatch", "aria-hidden": "true" }), route.labels[index], el("span", { class: "hint" }, ` ${summary(it)}`)),
    el("div", { class: "totals" }, `${fmt.format(it.length_km)} km · ${fmt1.format(it.time_h / 24)} days`,
      days ? ` (range ${days})` : "", ` · USD ${fmt.format(it.cost_usd)} per ${unit}`, cost ? ` (range ${cost})` : "",
      it.modes.includes("rail") ? el("span", { "data-testid": "service" }, ` · rail as ${SERVICE_LABELS[it.service] || it.service}`) : "",
      sourceLink(it.sources)),
    departure ? el("div", { class: "hint", "data-testid": "from-departure",
      title: "from the first vehicle's departure to the last one's arrival: no loading, formation or waiting at the origin, no unloading at the destination" },
      `from departure ${fmt1.format(it.time_from_departure_h / 24)} days (range ${departure})`) : null,
    el("div", { class: "hint" }, `gauge changes: ${it.gauge_changes} · network of ${it.date}`),
    el("div", { class: "actions" },
      el("button", { type: "button", class: "select-route", "aria-pressed": "false", onclick: () => selectRoute(index, true) }, "Show on map"),
      downloadButton("CSV", `route-${slug}.csv`, () => csvText(itineraryRows(it))),
      downloadButton("GeoJSON", `route-${slug}.geojson`, () => JSON.stringify(itineraryGeojson(it), null, 1), "application/geo+json")),
    scrollTable(`${route.labels[index]}: legs`, el("table", {}, el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "#"), el("th", { scope: "col" }, "step"),
      el("th", { scope: "col" }, "from → to"), el("th", { scope: "col", class: "num" }, "km"), el("th", { scope: "col", class: "num" }, "h"),
      el("th", { scope: "col", class: "num" }, `USD per ${unit}`))), el("tbody", {}, rows))),
    codes);
}

function itineraryRows(it) {
  const header = ["leg", "kind", "step", "from", "to", "from_id", "to_id", "mode", "gauge_mm", "crossing_id", "transfer",
    "length_km", "time_h", "cost_usd", "countries", "link_ids", "sources"];
  return [header, ...it.legs.map((leg, n) => [n + 1, leg.kind, stepText(leg, n), placeName(leg.from_id), placeName(leg.to_id),
    leg.from_id, leg.to_id, leg.mode ?? "", leg.gauge_mm ?? "", leg.crossing_id ?? "", leg.transfer ?? "",
    leg.length_km, leg.time_h, leg.cost_usd, leg.countries.join(" "), leg.link_ids.join(" "), leg.sources.join(" ")]),
  ["total", "", "", placeName(it.origin), placeName(it.destination), it.origin, it.destination, it.modes.join(" "), "",
    it.crossings.join(" "), "", it.length_km, it.time_h, it.cost_usd, "", "", it.sources.join(" ")]];
}

/** The itinerary as GeoJSON: one feature per leg, along the links' own geometry where it has one. */
function itineraryGeojson(it) {
  const links = ctx.state.links;
  const point = (id) => { const c = ctx.state.places.get(id)?.geometry.coordinates; return c ? [c[0], c[1]] : null; };
  const features = it.legs.map((leg, n) => {
    const lines = leg.link_ids.map((id) => links.get(id)?.geometry).filter(Boolean)
      .flatMap((g) => (g.type === "MultiLineString" ? g.coordinates : [g.coordinates]));
    let geometry;
    if (lines.length) geometry = { type: "MultiLineString", coordinates: lines };
    else if (leg.from_id === leg.to_id) geometry = point(leg.from_id) && { type: "Point", coordinates: point(leg.from_id) };
    else geometry = point(leg.from_id) && point(leg.to_id) && { type: "LineString", coordinates: [point(leg.from_id), point(leg.to_id)] };
    return { type: "Feature", geometry: geometry || null,
      properties: { leg: n + 1, step: stepText(leg, n), from: placeName(leg.from_id), to: placeName(leg.to_id), ...leg } };
  });
  const { legs, ...totals } = it;
  return { type: "FeatureCollection", features, properties: { ...totals, origin_name: placeName(it.origin), destination_name: placeName(it.destination) } };
}

// -- the map: each route in its own colour, the selected one on top ------------------------------
function drawRoutes() {
  ctx.groups.route.clearLayers();
  route.layers = route.itineraries.map((it, index) => {
    const color = ROUTE_COLORS[index % ROUTE_COLORS.length];
    const layer = L.featureGroup();
    for (const leg of it.legs) {
      if (leg.kind === "border") {
        const a = ctx.coords(leg.from_id);
        if (a) L.circleMarker(a, { radius: 7, color, weight: 3, fill: false }).bindTooltip(crossingName(leg.crossing_id)).addTo(layer);
        continue;
      }
      for (const id of leg.link_ids) {
        const feature = ctx.state.links.get(id);
        if (feature) L.geoJSON(feature, { style: { color, weight: 4, opacity: 0.85, dashArray: leg.mode === "road" ? "8 4" : null } }).addTo(layer);
      }
    }
    layer.on("click", () => selectRoute(index, true));
    layer.bindTooltip(route.labels[index], { sticky: true });
    return layer.addTo(ctx.groups.route);
  });
}

export function selectRoute(index, focus) {
  route.selected = index;
  route.layers.forEach((layer, i) => {
    layer.setStyle({ weight: i === index ? 7 : 3, opacity: i === index ? 0.95 : 0.55 });
    if (i === index) layer.bringToFront();
  });
  document.querySelectorAll("#route-result .itinerary").forEach((card, i) => {
    card.classList.toggle("selected", i === index);
    card.querySelector(".select-route").setAttribute("aria-pressed", String(i === index));
  });
  document.body.dataset.routeSelected = String(index);
  if (focus) document.querySelector(`#route-result .itinerary[data-index="${index}"] .select-route`)?.focus();
}

// -- the time–cost front: a chart and the same points in a table --------------------------------
function drawPareto(front) {
  const canvas = $("#pareto-chart");
  canvas.hidden = front.length === 0;
  if (!front.length) return;
  const unit = UNIT_LABELS[front[0].unit] || front[0].unit;
  route.chart = new Chart(canvas, {
    type: "scatter",
    data: { datasets: [{ label: "non-dominated routes (time, cost)", data: front.map((it) => ({ x: it.time_h / 24, y: it.cost_usd, label: summary(it) })),
      showLine: true, borderColor: "#b5442b", backgroundColor: "#b5442b" }] },
    options: { animation: false, plugins: { tooltip: { callbacks: { label: (c) => `${fmt1.format(c.raw.x)} d, USD ${fmt.format(c.raw.y)} — ${c.raw.label}` } } },
      scales: { x: { title: { display: true, text: "days" } }, y: { title: { display: true, text: `USD per ${unit}` } } } },
  });
  canvas.setAttribute("aria-label", `Time–cost front: ${front.length} routes, shown in the table below`);
  const table = el("table", { "data-testid": "pareto-table" },
    el("caption", {}, "Routes on the time–cost front (no route is both faster and cheaper)"),
    el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "#"), el("th", { scope: "col", class: "num" }, "days"),
      el("th", { scope: "col", class: "num" }, `USD per ${unit}`), el("th", { scope: "col", class: "num" }, "km"), el("th", { scope: "col" }, "modes and crossings"))),
    el("tbody", {}, front.map((it, i) => el("tr", {}, el("td", {}, i + 1), el("td", { class: "num" }, fmt1.format(it.time_h / 24)),
      el("td", { class: "num" }, fmt.format(it.cost_usd), sourceLink(it.sources)), el("td", { class: "num" }, fmt.format(it.length_km)), el("td", {}, summary(it))))));
  $("#route-pareto").replaceChildren(scrollTable("Time–cost front", table), el("div", { class: "actions" }, tableDownload(table, "time-cost-front.csv")));
}

export function downloadAllCsv() {
  const rows = route.itineraries.flatMap((it, i) => itineraryRows(it).map((row, n) => [n === 0 ? "route" : route.labels[i], ...row])
    .filter((row, n) => i === 0 || n > 0));
  download("routes.csv", csvText(rows), "text/csv");
}
