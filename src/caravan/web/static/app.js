// caravan web observatory: every figure comes from the HTTP API, every base layer from local files.
/* global L, topojson, Chart */
import { $, api, el, fmt, fmt1, sourceLink, showSources, closeSources, tableDownload, scrollTable } from "./util.js";
import { setupRoute, planRoute, readForm, fillForm, queryToParams, paramsToQuery, currentQuery, downloadAllCsv } from "./route.js";
import { setupScenarios, fillCompareOptions, runCompare, readCompare, compareToParams, paramsToCompare, currentCompare,
  showCompareLayer } from "./scenarios.js";
import { setupLoads, refreshLoads } from "./loads.js";
import { setupReview, loadReview } from "./review.js";

const MEMBERS = { "156": "cn", "398": "kz", "417": "kg", "762": "tj", "795": "tm", "860": "uz" };
const COUNTRY_NAMES = { cn: "China", kz: "Kazakhstan", kg: "Kyrgyzstan", tj: "Tajikistan", tm: "Turkmenistan", uz: "Uzbekistan" };
const DIRECTIONS = ["unimpeded_trade", "industrial_investment", "connectivity", "green_minerals",
  "agricultural_modernisation", "people_to_people"];
const STATUSES = ["announced", "agreed", "under_construction", "in_service", "suspended", "cancelled"];
const PROJECT_COLORS = { in_service: "#2e8b57", under_construction: "#ff8c00", agreed: "#4f6fd1", announced: "#b0b0b0",
  suspended: "#8b0000", cancelled: "#555" };
const CAPITALS = { cn: "cn-beijing", kz: "kz-astana", kg: "kg-bishkek", tj: "tj-dushanbe", tm: "tm-ashgabat", uz: "uz-tashkent" };
// Road is a neutral dark grey: orange means "under construction" on this map.
const COLORS = { rail_1435: "#b5442b", rail_1520: "#2a5d9f", road: "#4d4d4d", ferry: "#1c8c8c", planned: "#9aa4ae" };
const CROSSING_FILL = { rail: "#7b3294", road: "#4d4d4d", ferry: "#1c8c8c" };
// Places labelled first (then the rest by kind), as long as their labels do not collide.
const MAJOR_PLACES = ["kz-astana", "kg-bishkek", "tj-dushanbe", "tm-ashgabat", "uz-tashkent", "cn-xian", "cn-urumqi", "kz-almaty",
  "cn-kashgar", "kz-aktau", "kg-osh", "uz-samarkand", "cn-beijing"];
const KIND_RANK = { city: 1, port: 2, dry_port: 3, gauge_change_station: 4, site: 5, junction: 6, border_post: 7 };

const state = { layers: null, timeline: new Map(), places: new Map(), crossings: new Map(), links: new Map(), date: "2025-07-01",
  charts: {}, projectStatus: new Map(), trade: null, tab: "layers", project: null, scenario: "today", scenarios: [] };

// -- map ----------------------------------------------------------------------------------------
const map = L.map("map", { zoomControl: true, attributionControl: true, preferCanvas: true }).setView([42, 75], 4);
map.attributionControl.setPrefix("Boundaries: Natural Earth (world-atlas)");
L.control.scale({ imperial: false, maxWidth: 140 }).addTo(map);
const groups = { base: L.layerGroup().addTo(map), links: L.layerGroup().addTo(map), crossings: L.layerGroup().addTo(map),
  places: L.layerGroup().addTo(map), labels: L.layerGroup().addTo(map), sister: L.layerGroup(), projects: L.layerGroup().addTo(map),
  trade: L.layerGroup().addTo(map), route: L.layerGroup().addTo(map), highlight: L.layerGroup().addTo(map), compare: L.layerGroup() };

// Natural Earth boundaries simplified for the zoom: 1:110m (108 KB) for the region view, 1:50m
// (756 KB) once the map is zoomed in far enough for the difference to show.
const BOUNDARIES = {
  coarse: "/vendor/world-atlas/countries-110m.json",
  fine: "/vendor/world-atlas/countries-50m.json",
};
const FINE_BOUNDARIES_FROM_ZOOM = 6;
let boundaryDetail = null;

async function drawCountries(detail = "coarse") {
  if (boundaryDetail === detail) return;
  boundaryDetail = detail;
  const response = await fetch(BOUNDARIES[detail]);
  const topology = await response.json();
  if (boundaryDetail !== detail) return;  // the zoom changed again while this loaded
  const countries = topojson.feature(topology, topology.objects.countries);
  groups.base.clearLayers();
  L.geoJSON(countries, {
    style: (feature) => (MEMBERS[feature.id]
      ? { color: "#8a8f86", weight: 1, fillColor: "#f4efe2", fillOpacity: 1 }
      : { color: "#b9c0c6", weight: 0.6, fillColor: "#eef1f3", fillOpacity: 1 }),
    interactive: false,
  }).addTo(groups.base).bringToBack();  // redrawn on zoom: stay under the network
  document.body.dataset.boundaries = detail;
}

function layerOf(properties) {
  if (properties.mode === "rail") return properties.gauge_mm === 1435 ? "rail_1435" : "rail_1520";
  return properties.mode;
}

function linkStateOn(id, date) {
  const item = state.timeline.get(id);
  if (!item) return "open";
  if (item.never) return "planned";
  if (!item.opens_on) return "open";
  if (item.opens_on <= date) return item.planned ? "planned" : "open";
  return "planned";
}

function visible(name) {
  const box = document.querySelector(`input[data-layer="${name}"]`);
  return !box || box.checked;
}

/** Open a popup and move keyboard focus into it; Escape or its close button returns focus. */
let popupOpener = null;
function openPopup(latlng, content) {
  popupOpener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  const popup = L.popup({ maxWidth: 320 }).setLatLng(latlng).setContent(content).openOn(map);
  popup.getElement()?.querySelector("button, a[href]")?.focus({ preventScroll: true });
  return popup;
}
map.on("popupclose", () => { if (popupOpener?.isConnected) popupOpener.focus({ preventScroll: true }); popupOpener = null; });

const crossingMarkers = [];
function renderNetwork() {
  const date = state.date;
  groups.links.clearLayers();
  groups.crossings.clearLayers();
  crossingMarkers.length = 0;
  let open = 0; let planned = 0; let crossingsOpen = 0;
  for (const feature of state.layers.links.features) {
    const p = feature.properties;
    const layer = layerOf(p);
    const status = linkStateOn(p.id, date);
    if (status === "open") open += 1; else planned += 1;
    if (!visible(layer) || (status === "planned" && !visible("planned"))) continue;
    const line = L.geoJSON(feature, { style: { color: status === "open" ? COLORS[layer] : COLORS.planned,
      weight: status === "open" ? (p.mode === "road" ? 2 : 3) : 2, dashArray: status === "open" ? (p.mode === "ferry" ? "6 6" : null) : "4 6",
      opacity: status === "open" ? 0.9 : 0.7 } });
    line.eachLayer((segment) => segment.options.linkId = p.id);
    line.bindPopup(() => linkPopup(p, status));
    line.addTo(groups.links);
  }
  // Largest first, so a small crossing drawn later stays on top and clickable; a click that
  // falls on several overlapping crossings offers them all.
  // Sized by the clearance time the router uses (published, or a stand-in drawn as a ring).
  const crossings = state.layers.crossings.features.map((feature) => {
    const hours = modelHours(feature.properties);
    const scale = map.getSize().x < 600 ? 0.7 : 1;  // a phone's map is small: smaller circles
    return { feature, radius: (hours ? 4 + Math.sqrt(hours) * 1.1 : 4) * scale };
  }).sort((a, b) => b.radius - a.radius);
  for (const { feature, radius } of crossings) {
    const p = feature.properties;
    const status = linkStateOn(p.id, date);
    if (status === "open") crossingsOpen += 1;
    if (!visible("crossings") || (status === "planned" && !visible("planned"))) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const sized = p.clearance_time_h !== null && p.clearance_time_h !== undefined;
    const fill = status === "open" ? CROSSING_FILL[p.mode] || "#4d4d4d" : "#ccc";
    const marker = L.circleMarker([lat, lon], { radius, color: sized ? "#222" : fill, weight: sized ? 1 : 2.5,
      fillColor: sized ? fill : "#fff", fillOpacity: sized ? 0.75 : 0.9, dashArray: status === "open" ? null : "3 3" });
    marker.on("click", (event) => crossingClick(event, p, status));
    marker.bindTooltip(p.name);
    marker.addTo(groups.crossings);
    crossingMarkers.push({ marker, p, status, radius });
  }
  renderProjects();
  renderTrade();
  $("#network-stats").textContent = `${date}: ${open} links in service, ${planned} planned or under construction; ${crossingsOpen} border crossings open.`;
  $("#network-stats").dataset.open = String(open);
  $("#network-stats").dataset.planned = String(planned);
}

function crossingClick(event, p, status) {
  L.DomEvent.stopPropagation(event);
  const at = event.containerPoint;
  const hits = crossingMarkers.filter(({ marker, radius }) => map.latLngToContainerPoint(marker.getLatLng()).distanceTo(at) <= radius + 2);
  if (hits.length > 1) {
    openPopup(event.latlng, el("div", { "data-testid": "crossing-chooser" }, el("strong", {}, `${hits.length} crossings here`),
      el("ul", { class: "plain" }, hits.map((hit) => el("li", {}, el("button", { type: "button", class: "linkish",
        onclick: () => openPopup(hit.marker.getLatLng(), crossingPopup(hit.p, hit.status)) }, hit.p.name))))));
  } else {
    openPopup(event.latlng, crossingPopup(p, status));
  }
}

// Project lines coloured by the project's status on the slider's date (fetched per date).
let statusRequest = 0;
async function loadProjectStatus(date) {
  const ticket = ++statusRequest;
  const page = await api("/api/v1/projects", { as_of: date, scenario: scenarioParam(), limit: 500 });
  if (ticket !== statusRequest) return;
  state.projectStatus = new Map(page.items.map((row) => [row.project.id, row]));
  renderProjects();
}

function renderProjects() {
  groups.projects.clearLayers();
  if (!visible("projects")) return;
  for (const feature of state.layers.links.features) {
    const p = feature.properties;
    const row = p.project_id ? state.projectStatus.get(p.project_id) : null;
    if (!row || !row.status) continue;
    L.geoJSON(feature, { style: { color: PROJECT_COLORS[row.status] || "#888", weight: 7, opacity: 0.45 } })
      .bindPopup(() => popupBox(row.project.name_en, [["status", `${row.status.replace("_", " ")} since ${row.since}`], ["link", p.id]], row.project.source))
      .addTo(groups.projects);
  }
}

// Trade flows: China's capital to each partner's, width by the year's value (China's customs).
function renderTrade() {
  groups.trade.clearLayers();
  if (!visible("trade") || !state.trade) return;
  const year = Number(state.date.slice(0, 4));
  const known = state.trade.years.filter((y) => y.year <= year);
  if (!known.length) return;
  const latest = known[known.length - 1];
  const from = coords(CAPITALS.cn);
  for (const [partner, value] of Object.entries(latest.by_partner_usd)) {
    const to = coords(CAPITALS[partner]);
    if (!from || !to) continue;
    const sources = state.trade.rows.filter((r) => r.year === latest.year && r.partner_id === partner).flatMap((r) => r.source);
    L.polyline([from, to], { color: "#6b4f2a", weight: 1.5 + Math.sqrt(value / 1e9) * 1.3, opacity: 0.45 })
      .bindPopup(() => popupBox(`China – ${COUNTRY_NAMES[partner]}, ${latest.year}`, [["trade (GACC)", `USD ${fmt1.format(value / 1e9)} bn`]], sources))
      .addTo(groups.trade);
  }
}

function popupBox(title, rows, sources, ...extra) {
  const box = el("div", {}, el("strong", {}, title));
  const table = el("table", {}, rows.filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== "")
    .map(([k, v]) => el("tr", {}, el("th", { scope: "row" }, k), el("td", {}, v))));
  box.append(table, el("div", {}, "Sources ", sourceLink(sources)), ...extra);
  return box;
}

function linkPopup(p, status) {
  return popupBox(p.name || p.id, [["mode", p.mode + (p.gauge_mm ? ` (${p.gauge_mm} mm)` : "")], ["length", `${fmt.format(p.length_km)} km`],
    ["status on date", status === "open" ? "in service" : "not yet in service"], ["project", p.project_id],
    ["project status", p.project_status], ["id", p.id]], p.source);
}

// The clearance hours the router uses on the slider's date (the larger direction), or null.
function modelHours(p) {
  const hours = p.model_clearance_time_h || [];
  return hours.length ? Math.max(...hours) : null;
}

function modelText(p) {
  const hours = p.model_clearance_time_h || [];
  if (!hours.length) return null;
  const text = hours.map((h) => fmt1.format(h)).join("–") + " h" + (hours.length > 1 ? " by direction" : "");
  return p.clearance_time_h === null ? `${text} (a stand-in: see sources)` : text;
}

function crossingPopup(p, status) {
  return popupBox(p.name, [["mode", p.mode + (p.gauge_change ? ", gauge change" : "")],
    ["on this date", status === "open" ? "open" : "not yet open"],
    ["clearance time", p.clearance_time_h !== null ? `${fmt1.format(p.clearance_time_h)} h (published)` : "no crossing-specific figure published"],
    ["time the model uses", modelText(p)],
    ["elevation", p.elevation_m ? `${fmt.format(p.elevation_m)} m` : null], ["season", p.seasonal_open], ["id", p.id]],
  [...new Set([...p.source, ...(p.clearance_source || []), ...(p.model_clearance_source || [])])],
  el("div", { class: "actions" }, el("button", { type: "button", class: "linkish", onclick: () => useInRoute("via", p.name) }, "Route via"),
    el("button", { type: "button", class: "linkish", onclick: () => useInRoute("avoid", p.name) }, "Avoid in route")));
}

function placePopup(p) {
  return popupBox(p.name, [["names", [p.name_ru, p.name_zh].filter(Boolean).join(" · ")], ["kind", p.kind.replaceAll("_", " ")],
    ["country", COUNTRY_NAMES[p.country_id] || p.country_id], ["id", p.id]], p.source,
  el("div", { class: "actions" }, ["from", "to", "via"].map((field) => el("button", { type: "button", class: "linkish",
    "data-route-field": field, onclick: () => useInRoute(field, p.name) }, `Route ${field} here`))));
}

/** A place or crossing picked on the map goes into the route form. */
function useInRoute(field, name) {
  const input = { from: "#route-from", to: "#route-to", via: "#route-via", avoid: "#route-avoid" }[field];
  const box = $(input);
  if (field === "via" || field === "avoid") box.value = [...box.value.split(/\s*;\s*/).filter(Boolean), name].join("; ");
  else box.value = name;
  map.closePopup();
  selectTab("route", { push: true });
  box.focus();
}

function renderPlaces() {
  groups.places.clearLayers();
  if (!visible("places")) { renderLabels(); return; }
  for (const feature of state.layers.places.features) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.circleMarker([lat, lon], { radius: p.kind === "border_post" ? 2.5 : 3.5, color: "#333", weight: 1,
      fillColor: "#fff", fillOpacity: 1 });
    marker.on("click", (event) => { L.DomEvent.stopPropagation(event); openPopup([lat, lon], placePopup(p)); });
    marker.bindTooltip(p.name, { direction: "top" });
    marker.addTo(groups.places);
  }
  renderLabels();
}

/** Permanent labels: major places first, then by kind, skipping any that would overlap another. */
function renderLabels() {
  groups.labels.clearLayers();
  if (!visible("places") || !state.layers) return;
  const size = map.getSize();
  const zoom = map.getZoom();
  const rank = (p) => (MAJOR_PLACES.includes(p.id) ? MAJOR_PLACES.indexOf(p.id) - 100 : (KIND_RANK[p.kind] || 9));
  const candidates = state.layers.places.features.filter((f) => zoom >= 7 || !["junction", "border_post"].includes(f.properties.kind))
    .sort((a, b) => rank(a.properties) - rank(b.properties));
  const placed = [];
  for (const feature of candidates) {
    const [lon, lat] = feature.geometry.coordinates;
    const point = map.latLngToContainerPoint([lat, lon]);
    const width = feature.properties.name.length * 6.6 + 8;
    const box = { x1: point.x + 4, y1: point.y - 8, x2: point.x + 4 + width, y2: point.y + 8 };
    if (box.x1 < 0 || box.y1 < 0 || box.x2 > size.x || box.y2 > size.y) continue;
    if (placed.some((b) => box.x1 < b.x2 && box.x2 > b.x1 && box.y1 < b.y2 && box.y2 > b.y1)) continue;
    placed.push(box);
    L.tooltip({ permanent: true, direction: "right", className: "place-label", interactive: false, offset: [4, 0] })
      .setLatLng([lat, lon]).setContent(feature.properties.name).addTo(groups.labels);
  }
  document.body.dataset.labels = String(placed.length);
}
map.on("zoomend moveend resize", () => renderLabels());
/** The view in the page's data (south, west, north, east): what a reader sees, readable by tests. */
map.on("moveend", () => {
  const view = map.getBounds();
  document.body.dataset.mapView = [view.getSouth(), view.getWest(), view.getNorth(), view.getEast()].map((v) => v.toFixed(3)).join(",");
});

function renderSister() {
  groups.sister.clearLayers();
  for (const feature of state.layers.sister_cities.features) {
    const p = feature.properties;
    L.geoJSON(feature, { style: { color: "#6a3d9a", weight: 1, opacity: 0.5 } })
      .bindPopup(() => popupBox(`${p.cn_city} – ${p.partner_city}`, [["since", p.established_year]], p.source)).addTo(groups.sister);
  }
  if (visible("sister")) groups.sister.addTo(map); else groups.sister.remove();
}

// Keyboard access to every place and crossing of the map: find it by name, open its popup.
function setupFind() {
  const names = [...state.layers.places.features, ...state.layers.crossings.features].map((f) => f.properties.name);
  $("#find-names").replaceChildren(...[...new Set(names)].map((name) => el("option", { value: name })));
  $("#find-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("#find-input").value.trim().toLowerCase();
    const place = state.layers.places.features.find((f) => f.properties.name.toLowerCase() === text || f.properties.id === text)
      || state.layers.places.features.find((f) => f.properties.name.toLowerCase().startsWith(text));
    const crossing = state.layers.crossings.features.find((f) => f.properties.name.toLowerCase() === text || f.properties.id === text);
    const found = crossing || place;
    if (!text || !found) { $("#find-status").textContent = text ? `Nothing on the map is called “${text}”.` : "Type a name first."; return; }
    $("#find-status").textContent = "";
    const [lon, lat] = found.geometry.coordinates;
    // A jump, not a flight: the popup opens where it stays, so its buttons do not move under
    // the pointer or the keyboard while the map animates.
    map.setView([lat, lon], Math.max(map.getZoom(), 6), { animate: false });
    openPopup([lat, lon], crossing ? crossingPopup(crossing.properties, linkStateOn(crossing.properties.id, state.date)) : placePopup(place.properties));
  });
}

// -- date slider ---------------------------------------------------------------------------------
function sliderDate(value) {
  const year = Math.floor(value);
  const month = Math.round((value - year) * 12) + 1;
  return `${year}-${String(Math.min(month, 12)).padStart(2, "0")}-01`;
}

function dateSliderValue(date) {
  const [year, month] = date.split("-").map(Number);
  return String(year + Math.floor((month - 1) / 3) * 0.25);
}

// The slider moves by quarters; an exact date (today's, or one from a shared URL) may be given.
function setDate(value, { url = true, exact = null } = {}) {
  state.date = exact || sliderDate(Number(value));
  $("#date-label").textContent = state.date;
  $("#date-slider").setAttribute("aria-valuetext", `network on ${state.date}`);
  $("#route-date").value = state.date;
  renderNetwork();
  loadProjectStatus(state.date);
  refreshLoads();
  if (!$("#tab-projects").hidden) loadProjects();
  if (url && !playing) writeUrl(false);
}

let playing = null;
function play() {
  const slider = $("#date-slider");
  if (playing) {
    clearInterval(playing); playing = null;
    $("#play").textContent = "▶ replay"; $("#play").setAttribute("aria-pressed", "false");
    writeUrl(false);
    return;
  }
  slider.value = slider.min;
  setDate(slider.value);
  $("#play").textContent = "■ stop"; $("#play").setAttribute("aria-pressed", "true");
  playing = setInterval(() => {
    const next = Number(slider.value) + 0.25;
    if (next > Number(slider.max)) { play(); return; }
    slider.value = next;
    setDate(next);
  }, 250);
}

// -- the URL holds the state: tab, date, route, project (share, bookmark, Back) ------------------
function urlFor() {
  const params = new URLSearchParams();
  if (state.tab !== "layers") params.set("tab", state.tab);
  params.set("on", state.date);
  if (state.scenario !== "today") params.set("scenario", state.scenario);
  const query = currentQuery();
  if (state.tab === "route" && query) queryToParams(query, params);
  if (state.tab === "scenarios") compareToParams(params);
  if (state.tab === "projects" && state.project) params.set("project", state.project);
  return `${window.location.pathname}?${params}`;
}

function writeUrl(push) {
  const url = urlFor();
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
}

async function applyUrl() {
  const params = new URLSearchParams(window.location.search);
  const scenario = params.get("scenario") || "today";
  if (scenario !== state.scenario && state.scenarios.some((s) => s.name === scenario)) await setScenario(scenario, { url: false, jump: false });
  const on = params.get("on");
  if (on && /^\d{4}-\d{2}-\d{2}$/.test(on)) {
    $("#date-slider").value = dateSliderValue(on);
    setDate($("#date-slider").value, { url: false, exact: on });
  }
  const tab = params.get("tab") || "layers";
  if (tab === "scenarios") {
    const form = $("#compare-form").elements;
    const compare = paramsToCompare(params);
    form.a.value = compare.a; form.b.value = compare.b; form.by.value = compare.by;
  }
  selectTab(document.getElementById(`tab-${tab}`) ? tab : "layers", { push: null });
  const query = paramsToQuery(params);
  if (tab === "route" && query) {
    fillForm(query);
    const previous = currentQuery();
    if (!previous || JSON.stringify(previous) !== JSON.stringify(query)) await planRoute(query, { push: false });
  }
  const project = params.get("project");
  if (tab === "projects" && project && project !== state.project) showProject(project, { push: null });
  if (tab === "scenarios") {
    const compare = paramsToCompare(params);
    const previous = currentCompare();
    if (!previous || JSON.stringify(previous) !== JSON.stringify(compare)) await runCompare(compare, { push: false });
  }
}

// -- scenarios: the picker switches the map, the timeline, the route planner and the matrix -------
async function loadNetwork(scenario) {
  const params = scenario === "today" ? {} : { scenario };
  const [layers, timeline] = await Promise.all([api("/api/v1/map", params), api("/api/v1/timeline", params)]);
  state.layers = layers;
  state.timeline = new Map(timeline.map((item) => [item.id, item]));
  state.places = new Map(layers.places.features.map((f) => [f.properties.id, f]));
  state.crossings = new Map(layers.crossings.features.map((f) => [f.properties.id, f]));
  state.links = new Map(layers.links.features.map((f) => [f.properties.id, f]));
  const years = timeline.filter((t) => t.opens_on).map((t) => Number(t.opens_on.slice(0, 4)));
  $("#date-slider").max = String(Math.max(2026, ...years) + 1);
}

function describeScenario() {
  const spec = state.scenarios.find((s) => s.name === state.scenario);
  const box = $("#scenario-about");
  if (!spec) { box.replaceChildren(); return; }
  // a scenario without sources has no link: leave it out (replaceChildren would print "null")
  const parts = [el("strong", {}, `Scenario ${spec.name}: `), spec.description,
    spec.base_date ? ` (its date: ${spec.base_date})` : "", sourceLink(spec.sources)];
  box.replaceChildren(...parts.filter((part) => part !== null && part !== undefined));
}

/** Switch to a built-in scenario; with `jump`, the slider moves to the scenario's own date. */
async function setScenario(name, { url = true, jump = true } = {}) {
  const select = $("#scenario-select");
  select.value = name;
  select.disabled = true;
  document.body.dataset.scenarioReady = "false";
  try {
    await loadNetwork(name);
    state.scenario = name;
  } catch (error) {
    select.value = state.scenario;
    $("#network-stats").textContent = `Could not load scenario ${name}: ${error.message}`;
    return;
  } finally {
    select.disabled = false;
  }
  describeScenario();
  renderPlaces();
  const spec = state.scenarios.find((s) => s.name === name);
  if (jump && spec?.base_date) {
    $("#date-slider").value = dateSliderValue(spec.base_date);
    setDate($("#date-slider").value, { url: false, exact: spec.base_date });
  } else {
    setDate($("#date-slider").value, { url: false, exact: state.date });
  }
  const query = currentQuery();
  if (url && state.tab === "route" && query) await planRoute({ ...query, date: state.date, scenario: name }, { push: false });
  document.body.dataset.scenarioReady = "true";
  if (url) writeUrl(true);
}

/** The picked scenario as a query parameter (none for today's network). */
function scenarioParam() {
  return state.scenario === "today" ? undefined : state.scenario;
}

// -- route planner glue ------------------------------------------------------------------------
function coords(id) {
  const place = state.places.get(id);
  return place ? [place.geometry.coordinates[1], place.geometry.coordinates[0]] : null;
}

// -- projects ---------------------------------------------------------------------------------------
let projectsRequest = 0;
async function loadProjects() {
  const ticket = ++projectsRequest;
  const form = new FormData($("#project-filters"));
  const page = await api("/api/v1/projects", { as_of: state.date, scenario: scenarioParam(), direction: form.get("direction"),
    status: form.get("status"), country: form.get("country"), limit: 500 });
  if (ticket !== projectsRequest) return;  // a later date or scenario was asked meanwhile
  $("#project-table tbody").replaceChildren(...page.items.map((row) => el("tr", { "data-project-id": row.project.id, onclick: () => showProject(row.project.id) },
    el("th", { scope: "row" }, el("button", { type: "button", class: "linkish row-open", onclick: (event) => { event.stopPropagation(); showProject(row.project.id); } },
      row.project.name_en), sourceLink(row.project.source)),
    el("td", {}, el("span", { class: `status ${row.status || "none"}` }, (row.status || "not yet").replace("_", " "))),
    el("td", {}, row.since || ""))));
  $("#project-table").dataset.shows = `${state.scenario} ${state.date}`;
}

async function showProject(id, { push = true } = {}) {
  const details = await api(`/api/v1/projects/${encodeURIComponent(id)}`, { as_of: state.date });
  const p = details.project;
  state.project = id;
  if (push !== null) writeUrl(push);
  $("#project-detail").replaceChildren(el("h3", {}, p.name_en),
    p.description ? el("p", {}, p.description) : null,
    el("p", { class: "hint" }, [p.kind, p.countries.map((c) => COUNTRY_NAMES[c] || c).join(", "), p.directions.map((d) => d.replaceAll("_", " ")).join(", "),
      p.cost_usd ? `USD ${fmt.format(p.cost_usd)}` : null, p.length_km ? `${fmt.format(p.length_km)} km` : null, p.planned_completion ? `planned ${p.planned_completion}` : null].filter(Boolean).join(" · ")),
    el("ol", { class: "timeline", "data-testid": "project-timeline" }, details.timeline.map((e) => el("li", {}, `${e.date} `, el("span", { class: `status ${e.status}` }, e.status.replace("_", " ")), e.note ? ` ${e.note}` : "", sourceLink(e.source)))),
    el("p", {}, `${details.links.length} link(s), ${details.crossings.length} crossing(s) on the map. `,
      el("button", { type: "button", "data-testid": "project-sources", onclick: (event) => showSources(details.sources.map((s) => s.id), event.currentTarget) }, `All ${details.sources.length} sources`)),
    el("p", { class: "hint" }, `id: ${p.id}`));
  $("#project-detail").scrollIntoView({ behavior: "smooth", block: "start" });
  if (push !== null) $("#project-detail").focus({ preventScroll: true });
  groups.highlight.clearLayers();
  const ids = new Set([...details.links.map((l) => l.id), ...details.crossings.map((c) => c.id)]);
  const features = [...state.layers.links.features, ...state.layers.crossings.features].filter((f) => ids.has(f.properties.id));
  if (features.length) {
    const layer = L.geoJSON({ type: "FeatureCollection", features }, { style: { color: "#ffb000", weight: 8, opacity: 0.6 },
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 10, color: "#ffb000", weight: 4 }) }).addTo(groups.highlight);
    map.fitBounds(layer.getBounds(), { padding: [40, 40], maxZoom: 7 });
  }
}

// -- trade, agreements, people ------------------------------------------------------------------------
// Trade by year and partner, 2000-2025. Bars are grouped, not stacked: a partner without a figure
// leaves an empty slot (a gap, never a shorter stack), and a partial year is labelled as such.
async function loadTrade() {
  const report = await api("/api/v1/trade", { years: "2000-2025" });
  const partners = ["kz", "kg", "uz", "tm", "tj"];
  const palette = { kz: "#2a5d9f", kg: "#b5442b", uz: "#1c8c8c", tm: "#d38b1f", tj: "#6a3d9a" };
  const missingText = (y) => `partial: ${y.missing_partners.join(", ")} missing`;
  state.charts.trade?.destroy();
  state.charts.trade = new Chart($("#trade-chart"), {
    type: "bar",
    data: { labels: report.years.map((y) => (y.partial ? `${y.year}*` : String(y.year))),
      datasets: partners.map((p) => ({ label: COUNTRY_NAMES[p], backgroundColor: palette[p],
        data: report.years.map((y) => (p in y.by_partner_usd ? y.by_partner_usd[p] / 1e9 : null)) })) },
    options: { animation: false,
      scales: { x: { ticks: { autoSkip: false, color: (c) => (report.years[c.index]?.partial ? "#b5442b" : "#444") } },
        y: { title: { display: true, text: "bn USD" } } },
      plugins: { title: { display: true, text: "* partial: a partner's figure not found (its slot is left empty)" },
        tooltip: { callbacks: { footer: (items) => {
        const y = report.years[items[0]?.dataIndex];
        return y?.partial ? missingText(y) : "";
      } } } } },
    plugins: [{ id: "partialYears", beforeDatasetsDraw: (chart) => {
      const { ctx, chartArea: area, scales: { x } } = chart;
      const step = report.years.length > 1 ? x.getPixelForValue(1) - x.getPixelForValue(0) : area.width;
      ctx.save();
      ctx.fillStyle = "rgba(181, 68, 43, 0.08)";
      report.years.forEach((y, i) => { if (y.partial) ctx.fillRect(x.getPixelForValue(i) - step / 2, area.top, step, area.height); });
      ctx.restore();
    } }],
  });
  const byYear = new Map();
  for (const row of report.rows) byYear.set(row.year, [...(byYear.get(row.year) || []), ...row.source]);
  $("#trade-table").replaceChildren(el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "year"), el("th", { class: "num" }, "total, bn USD"), el("th", {}, "partners"), el("th", {}, "coverage"))),
    el("tbody", {}, report.years.map((y) => el("tr", { "data-year": y.year, "data-partial": String(y.partial), class: y.partial ? "partial" : undefined },
      el("td", {}, y.year),
      el("td", { class: "num" }, y.partial ? "partial" : fmt1.format(y.total_usd / 1e9), sourceLink(byYear.get(y.year))),
      el("td", {}, Object.keys(y.by_partner_usd).join(" ")),
      el("td", { class: y.partial ? "hint" : undefined }, y.partial ? missingText(y) : "complete"))))));
}

async function loadAgreements() {
  const form = new FormData($("#agreement-filters"));
  const page = await api("/api/v1/agreements", { summit: form.get("summit"), party: form.get("party"), limit: 500 });
  const summits = { "xian-2023": "Xi'an 2023", "astana-2025": "Astana 2025" };
  const table = el("table", { "data-testid": "agreement-table" },
    el("thead", {}, el("tr", {}, ["Agreement", "Signed", "Kind", "Summit", "Parties", "Sources"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, page.items.map((a) => el("tr", { "data-agreement-id": a.id },
      el("th", { scope: "row" }, a.name), el("td", { class: "nowrap" }, a.signed_on), el("td", {}, a.kind),
      el("td", {}, summits[a.summit] || a.summit || ""), el("td", {}, a.parties.map((c) => COUNTRY_NAMES[c] || c).join(", ")),
      el("td", {}, sourceLink(a.source))))));
  $("#agreement-list").replaceChildren(el("p", { class: "hint" }, `${page.total} agreement(s).`), scrollTable("Agreements", table));
}

async function loadPeople() {
  const form = new FormData($("#sister-filters"));
  const [page, counts] = await Promise.all([api("/api/v1/sister-cities", { country: form.get("country"), limit: 500 }),
    api("/api/v1/sister-cities/counts")]);
  const table = el("table", { "data-testid": "sister-table" },
    el("thead", {}, el("tr", {}, ["Chinese city", "Province", "Partner city", "Country", "Since", "Sources"].map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, page.items.map((s) => el("tr", {}, el("th", { scope: "row" }, s.cn_city), el("td", {}, s.cn_province || ""),
      el("td", {}, s.partner_city), el("td", {}, COUNTRY_NAMES[s.partner_country_id] || s.partner_country_id),
      el("td", {}, s.established_year ?? ""), el("td", {}, sourceLink(s.source))))));
  $("#sister-list").replaceChildren(
    el("p", {}, counts.map((c) => `${c.scope === "all" ? "All five" : COUNTRY_NAMES[c.scope]}: ${c.note && c.note.includes("more") ? "more than " : ""}${c.count} pairs (${c.as_of})`).join("; "), sourceLink(counts.flatMap((c) => c.source))),
    el("p", { class: "hint" }, `${page.total} pair(s) listed.`), scrollTable("Sister cities", table));
  const box = document.querySelector('input[data-layer="sister"]');
  box.checked = true;
  renderSister();
}

// -- matrix: a skim streamed with progress (server-sent events), stoppable -------------------------
const MATRIX_PLACES = ["cn-xian", "cn-urumqi", "cn-kashgar", "kz-almaty", "kz-astana", "kz-aktau", "kg-bishkek",
  "kg-osh", "tj-dushanbe", "tm-ashgabat", "uz-tashkent", "uz-samarkand"];
let matrixStream = null;

function setupMatrix() {
  const box = $("#matrix-places");
  box.append(...MATRIX_PLACES.map((id) => el("label", {}, el("input", { type: "checkbox", name: "place", value: id, checked: "" }),
    ` ${state.places.get(id)?.properties.name || id}`)));
  $("#matrix-form").addEventListener("submit", computeMatrix);
  $("#matrix-stop").addEventListener("click", () => stopMatrix("Stopped."));
}

function stopMatrix(message) {
  matrixStream?.close();
  matrixStream = null;
  $("#matrix-stop").hidden = true;
  $("#matrix-go").disabled = false;
  if (message) $("#matrix-status").textContent = message;
}

function computeMatrix(event) {
  event.preventDefault();
  const places = new FormData($("#matrix-form")).getAll("place");
  if (places.length < 2) { $("#matrix-status").textContent = "Choose at least two places."; return; }
  const url = new URL("/api/v1/skim/stream", window.location.origin);
  places.forEach((p) => url.searchParams.append("places", p));
  url.searchParams.set("date", state.date);
  if (state.scenario !== "today") url.searchParams.set("scenario", state.scenario);
  url.searchParams.set("chunk", "1");
  const bar = $("#matrix-progress");
  bar.hidden = false; bar.value = 0; bar.max = places.length;
  $("#matrix-result").replaceChildren();
  $("#matrix-status").textContent = "Computing…";
  $("#matrix-go").disabled = true;
  $("#matrix-stop").hidden = false;
  matrixStream = new EventSource(url);
  matrixStream.addEventListener("progress", (message) => {
    const { done, total } = JSON.parse(message.data);
    bar.max = total; bar.value = done;
    $("#matrix-status").textContent = `${done} of ${total} origins`;
  });
  matrixStream.addEventListener("result", (message) => {
    stopMatrix(null);
    const result = JSON.parse(message.data);
    $("#matrix-status").textContent = `Done: ${result.place_ids.length} × ${result.place_ids.length}, network of ${result.date}`
      + `${state.scenario !== "today" ? ` under ${state.scenario}` : ""}. Days / USD per TEU.`;
    const name = (id) => state.places.get(id)?.properties.name || id;
    const cell = (i, j) => (result.time_h[i][j] === null ? "–"
      : i === j ? "" : `${fmt1.format(result.time_h[i][j] / 24)} d / ${fmt.format(result.cost_usd[i][j])}`);
    const table = el("table", { class: "matrix" },
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "from ↓ to →"), result.place_ids.map((id) => el("th", { scope: "col" }, name(id))))),
      el("tbody", {}, result.place_ids.map((id, i) => el("tr", {}, el("th", { scope: "row" }, name(id)),
        result.place_ids.map((_, j) => el("td", { class: "num" }, cell(i, j)))))));
    $("#matrix-result").replaceChildren(scrollTable("Time and cost matrix", table),
      el("div", { class: "actions" }, tableDownload(table, `matrix-${result.date}.csv`)));
  });
  matrixStream.onerror = () => { if (matrixStream) stopMatrix("The computation was interrupted."); };
}

// -- tabs and start -------------------------------------------------------------------------------
const loaders = { projects: loadProjects, trade: loadTrade, agreements: loadAgreements, people: loadPeople,
  scenarios: () => { if (!currentCompare()) runCompare(readCompare(), { push: false }); }, review: loadReview };
function selectTab(name, { push = true, focus = false } = {}) {
  const changed = state.tab !== name;
  state.tab = name;
  for (const button of document.querySelectorAll("#tabs button")) {
    const selected = button.dataset.tab === name;
    button.setAttribute("aria-selected", String(selected));
    button.tabIndex = selected ? 0 : -1;
    if (selected && focus) button.focus();
  }
  for (const section of document.querySelectorAll(".tab")) section.hidden = section.id !== `tab-${name}`;
  showCompareLayer(name === "scenarios");
  if (changed || !document.getElementById(`tab-${name}`).dataset.loaded) {
    document.getElementById(`tab-${name}`).dataset.loaded = "true";
    loaders[name]?.();
  }
  if (push !== null) writeUrl(push && changed);
}

function setupTabs() {
  const buttons = [...document.querySelectorAll("#tabs button")];
  buttons.forEach((button, index) => {
    button.addEventListener("click", () => selectTab(button.dataset.tab));
    button.addEventListener("keydown", (event) => {
      const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: buttons.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      const target = buttons[(next + buttons.length) % buttons.length];
      selectTab(target.dataset.tab, { focus: true });
    });
  });
}

function fillSelect(select, values, label = (v) => v.replaceAll("_", " ")) {
  select.append(...values.map((v) => el("option", { value: v }, label(v))));
}

async function start() {
  setupTabs();
  document.querySelectorAll("input[data-layer]").forEach((box) => box.addEventListener("change", () => { renderNetwork(); renderPlaces(); renderSister(); }));
  $("#date-slider").addEventListener("input", (event) => setDate(event.target.value));
  $("#play").addEventListener("click", play);
  $("#project-filters").addEventListener("change", loadProjects);
  $("#agreement-filters").addEventListener("change", loadAgreements);
  $("#sister-filters").addEventListener("change", loadPeople);
  $("#sources-close").addEventListener("click", closeSources);
  $("#route-all-csv").addEventListener("click", downloadAllCsv);
  $("#route-share").addEventListener("click", async () => {
    const link = window.location.href;
    try { await navigator.clipboard.writeText(link); $("#route-status").textContent = "Link copied."; } catch { $("#route-status").textContent = `Link: ${link}`; }
  });
  $("#sheet-toggle").addEventListener("click", () => {
    const full = document.body.classList.toggle("sheet-full");
    $("#sheet-toggle").setAttribute("aria-expanded", String(full));
    $("#sheet-toggle").textContent = full ? "▼ Larger map" : "▲ Larger panel";
    setTimeout(() => map.invalidateSize(), 50);
  });
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (closeSources()) { event.preventDefault(); return; }
    if (document.querySelector(".leaflet-popup")) { map.closePopup(); event.preventDefault(); }
  });
  window.addEventListener("popstate", () => { applyUrl(); });
  new ResizeObserver(() => map.invalidateSize()).observe($("#map"));
  const filters = $("#project-filters");
  fillSelect(filters.elements.direction, DIRECTIONS);
  fillSelect(filters.elements.status, STATUSES);
  fillSelect(filters.elements.country, Object.keys(COUNTRY_NAMES), (c) => COUNTRY_NAMES[c]);
  fillSelect($("#agreement-filters").elements.party, Object.keys(COUNTRY_NAMES), (c) => COUNTRY_NAMES[c]);
  fillSelect($("#sister-filters").elements.country, Object.keys(COUNTRY_NAMES).filter((c) => c !== "cn"), (c) => COUNTRY_NAMES[c]);
  $("#project-download").append(tableDownload($("#project-table"), "projects.csv", "Projects as CSV"));
  $("#agreement-download").append(tableDownload($("#agreement-list"), "agreements.csv", "CSV"));
  $("#sister-download").append(tableDownload($("#sister-list"), "sister-cities.csv", "CSV"));
  $("#trade-download").append(tableDownload($("#trade-table"), "trade.csv", "Table as CSV"));

  await drawCountries();
  map.fitBounds([[35, 50], [46, 120]]);
  map.on("zoomend", () => drawCountries(map.getZoom() >= FINE_BOUNDARIES_FROM_ZOOM ? "fine" : "coarse"));
  const [, trade, scenarios] = await Promise.all([loadNetwork("today"), api("/api/v1/trade", { years: "2013-2025" }),
    api("/api/v1/scenarios")]);
  state.trade = trade;
  state.scenarios = scenarios;
  $("#scenario-select").replaceChildren(...scenarios.map((s) => el("option", { value: s.name }, s.name)));
  $("#scenario-select").value = "today";
  $("#scenario-select").addEventListener("change", (event) => setScenario(event.target.value));
  fillCompareOptions(scenarios);
  describeScenario();
  const slider = $("#date-slider");
  const today = new Date();
  const todayIso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${String(today.getDate()).padStart(2, "0")}`;
  slider.value = dateSliderValue(todayIso);
  renderPlaces();
  renderSister();
  setupMatrix();
  setupFind();
  setupRoute({ map, groups, state, coords, onSearch: (query, push) => { if (state.tab !== "route") selectTab("route", { push: null }); writeUrl(push); } });
  setupScenarios({ map, groups, state, coords, onCompare: (push) => { if (state.tab !== "scenarios") selectTab("scenarios", { push: null }); writeUrl(push); } });
  setupLoads({ map, state });
  setupReview({ onAccepted: async () => { await loadNetwork(state.scenario); renderNetwork(); } });
  setDate(slider.value, { url: false, exact: todayIso });
  await applyUrl();
  document.body.dataset.ready = "true";
}

// A read-only handle for tests and for curious users in the browser console.
window.caravan = { state, groups, map, linkStateOn, readForm };

start().catch((error) => {
  document.body.dataset.ready = "error";
  $("#network-stats").textContent = `Could not load the observatory: ${error.message}`;
});
