// caravan web observatory: every figure comes from the HTTP API, every base layer from local files.
/* global L, topojson, Chart */

const MEMBERS = { "156": "cn", "398": "kz", "417": "kg", "762": "tj", "795": "tm", "860": "uz" };
const COUNTRY_NAMES = { cn: "China", kz: "Kazakhstan", kg: "Kyrgyzstan", tj: "Tajikistan", tm: "Turkmenistan", uz: "Uzbekistan" };
const DIRECTIONS = ["unimpeded_trade", "industrial_investment", "connectivity", "green_minerals",
  "agricultural_modernisation", "people_to_people"];
const STATUSES = ["announced", "agreed", "under_construction", "in_service", "suspended", "cancelled"];
const PROJECT_COLORS = { in_service: "#2e8b57", under_construction: "#ff8c00", agreed: "#4f6fd1", announced: "#b0b0b0",
  suspended: "#8b0000", cancelled: "#555" };
const CAPITALS = { cn: "cn-beijing", kz: "kz-astana", kg: "kg-bishkek", tj: "tj-dushanbe", tm: "tm-ashgabat", uz: "uz-tashkent" };
const COLORS = { rail_1435: "#b5442b", rail_1520: "#2a5d9f", road: "#d38b1f", ferry: "#1c8c8c", planned: "#9aa4ae" };

const state = { layers: null, timeline: new Map(), places: new Map(), date: "2025-07-01", charts: {},
  projectStatus: new Map(), trade: null };
const $ = (selector) => document.querySelector(selector);
const fmt = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const fmt1 = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

async function api(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, v));
    else if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.detail || body.title || response.statusText);
    error.problem = body;
    throw error;
  }
  return body;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// -- sources: every number can be followed to where it comes from --------------------------------
function sourceLink(ids) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  return el("a", { class: "src", role: "button", tabindex: "0", "data-sources": list.join(" "),
    title: list.join(", "), onclick: (event) => { event.stopPropagation(); showSources(list); } }, `[${list.length} src]`);
}

async function showSources(ids) {
  const drawer = $("#sources");
  const body = $("#sources-body");
  body.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  drawer.hidden = false;
  const records = await Promise.all(ids.map((id) => api(`/api/v1/sources/${encodeURIComponent(id)}`)
    .catch((error) => ({ record: { id, title: error.message }, kind: "missing", cited_by: [] }))));
  body.replaceChildren(...records.map(({ record, kind, cited_by: citedBy }) => el("div", { class: "source", "data-source-id": record.id },
    el("div", { class: "kind" }, kind === "assumption" ? "assumption (estimate with reasoning)" : kind),
    el("strong", {}, record.title || record.subject || record.id),
    record.publisher ? el("div", {}, `${record.publisher}${record.published_on ? `, ${record.published_on}` : ""}`) : null,
    record.url ? el("div", {}, el("a", { href: record.url, target: "_blank", rel: "noopener" }, record.url)) : null,
    record.reasoning ? el("p", {}, record.reasoning, record.value !== null && record.value !== undefined ? ` (value: ${record.value} ${record.unit || ""})` : "") : null,
    record.note ? el("p", { class: "hint" }, record.note) : null,
    el("div", { class: "hint" }, `${record.id} · cited by ${citedBy.length} row(s)`))));
}

// -- map ----------------------------------------------------------------------------------------
const map = L.map("map", { zoomControl: true, attributionControl: true, preferCanvas: true }).setView([42, 75], 4);
map.attributionControl.setPrefix("Boundaries: Natural Earth (world-atlas)");
const groups = { base: L.layerGroup().addTo(map), links: L.layerGroup().addTo(map), crossings: L.layerGroup().addTo(map),
  places: L.layerGroup().addTo(map), sister: L.layerGroup(), projects: L.layerGroup().addTo(map), trade: L.layerGroup().addTo(map), route: L.layerGroup().addTo(map), highlight: L.layerGroup().addTo(map) };

async function drawCountries() {
  const response = await fetch("/vendor/world-atlas/countries-50m.json");
  const topology = await response.json();
  const countries = topojson.feature(topology, topology.objects.countries);
  L.geoJSON(countries, {
    style: (feature) => (MEMBERS[feature.id]
      ? { color: "#8a8f86", weight: 1, fillColor: "#f4efe2", fillOpacity: 1 }
      : { color: "#b9c0c6", weight: 0.6, fillColor: "#eef1f3", fillOpacity: 1 }),
    interactive: false,
  }).addTo(groups.base);
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

function renderNetwork() {
  const date = state.date;
  groups.links.clearLayers();
  groups.crossings.clearLayers();
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
    line.getLayers()[0].getElement?.()?.setAttribute("data-link-id", p.id);
  }
  for (const feature of state.layers.crossings.features) {
    const p = feature.properties;
    const status = linkStateOn(p.id, date);
    if (status === "open") crossingsOpen += 1;
    if (!visible("crossings") || (status === "planned" && !visible("planned"))) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const hours = p.clearance_time_h;
    const radius = hours ? 4 + Math.sqrt(hours) * 1.6 : 5;
    L.circleMarker([lat, lon], { radius, color: "#222", weight: 1, fillColor: status === "open" ? (p.mode === "rail" ? "#7b3294" : "#e66101") : "#ccc",
      fillOpacity: 0.75, dashArray: status === "open" ? null : "3 3" })
      .bindPopup(() => crossingPopup(p, status)).addTo(groups.crossings);
  }
  renderProjects();
  renderTrade();
  $("#network-stats").textContent = `${date}: ${open} links in service, ${planned} planned or under construction; ${crossingsOpen} border crossings open.`;
  $("#network-stats").dataset.open = String(open);
  $("#network-stats").dataset.planned = String(planned);
}

// Project lines coloured by the project's status on the slider's date (fetched per date).
let statusRequest = 0;
async function loadProjectStatus(date) {
  const ticket = ++statusRequest;
  const page = await api("/api/v1/projects", { as_of: date, limit: 500 });
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

function popupBox(title, rows, sources) {
  const box = el("div", {}, el("strong", {}, title));
  const table = el("table", {}, rows.filter((r) => r[1] !== null && r[1] !== undefined && r[1] !== "")
    .map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v))));
  box.append(table, el("div", {}, "Sources ", sourceLink(sources)));
  return box;
}

function linkPopup(p, status) {
  return popupBox(p.id, [["mode", p.mode + (p.gauge_mm ? ` (${p.gauge_mm} mm)` : "")], ["length", `${fmt.format(p.length_km)} km`],
    ["status on date", status === "open" ? "in service" : "not yet in service"], ["project", p.project_id],
    ["project status", p.project_status]], p.source);
}

function crossingPopup(p, status) {
  return popupBox(p.name, [["id", p.id], ["mode", p.mode + (p.gauge_change ? ", gauge change" : "")],
    ["on this date", status === "open" ? "open" : "not yet open"],
    ["clearance time", p.clearance_time_h !== null ? `${fmt1.format(p.clearance_time_h)} h` : "not published"],
    ["elevation", p.elevation_m ? `${fmt.format(p.elevation_m)} m` : null], ["season", p.seasonal_open]],
  [...p.source, ...(p.clearance_source || [])]);
}

function renderPlaces() {
  groups.places.clearLayers();
  if (!visible("places")) return;
  for (const feature of state.layers.places.features) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.circleMarker([lat, lon], { radius: p.kind === "border_post" ? 2.5 : 3.5, color: "#333", weight: 1,
      fillColor: "#fff", fillOpacity: 1 });
    marker.bindPopup(() => popupBox(p.name, [["names", [p.name_ru, p.name_zh].filter(Boolean).join(" · ")], ["kind", p.kind], ["country", p.country_id]], p.source));
    marker.bindTooltip(p.name, { permanent: ["kz-astana", "kg-bishkek", "tj-dushanbe", "tm-ashgabat", "uz-tashkent", "cn-xian", "cn-urumqi", "kz-almaty"].includes(p.id), direction: "right", className: "place-label" });
    marker.addTo(groups.places);
  }
}

function renderSister() {
  groups.sister.clearLayers();
  for (const feature of state.layers.sister_cities.features) {
    const p = feature.properties;
    L.geoJSON(feature, { style: { color: "#6a3d9a", weight: 1, opacity: 0.5 } })
      .bindPopup(() => popupBox(`${p.cn_city} – ${p.partner_city}`, [["since", p.established_year]], p.source)).addTo(groups.sister);
  }
  if (visible("sister")) groups.sister.addTo(map); else groups.sister.remove();
}

// -- date slider ---------------------------------------------------------------------------------
function sliderDate(value) {
  const year = Math.floor(value);
  const month = Math.round((value - year) * 12) + 1;
  return `${year}-${String(Math.min(month, 12)).padStart(2, "0")}-01`;
}

function setDate(value) {
  state.date = sliderDate(Number(value));
  $("#date-label").textContent = state.date;
  $("#route-date").value = state.date;
  renderNetwork();
  loadProjectStatus(state.date);
  if (!$("#tab-projects").hidden) loadProjects();
}

let playing = null;
function play() {
  const slider = $("#date-slider");
  if (playing) { clearInterval(playing); playing = null; $("#play").textContent = "▶ replay"; return; }
  slider.value = slider.min;
  setDate(slider.value);
  $("#play").textContent = "■ stop";
  playing = setInterval(() => {
    const next = Number(slider.value) + 0.25;
    if (next > Number(slider.max)) { play(); return; }
    slider.value = next;
    setDate(next);
  }, 250);
}

// -- route planner -------------------------------------------------------------------------------
function coords(id) {
  const place = state.places.get(id);
  return place ? [place.geometry.coordinates[1], place.geometry.coordinates[0]] : null;
}

function itineraryTable(itinerary, label) {
  const names = (id) => state.places.get(id)?.properties.name || id;
  const rows = itinerary.legs.map((leg, index) => el("tr", { class: leg.kind },
    el("td", {}, index + 1),
    el("td", {}, leg.kind === "run" ? `${leg.mode}${leg.gauge_mm ? ` ${leg.gauge_mm}` : ""}` : leg.kind === "border" ? `border${leg.gauge_change ? " (gauge change)" : ""}` : leg.transfer),
    el("td", {}, leg.from_id === leg.to_id ? names(leg.from_id) : `${names(leg.from_id)} → ${names(leg.to_id)}`),
    el("td", { class: "num" }, leg.length_km ? fmt.format(leg.length_km) : ""),
    el("td", { class: "num" }, fmt1.format(leg.time_h)),
    el("td", { class: "num" }, fmt.format(leg.cost_usd), sourceLink(leg.sources))));
  return el("div", { class: "itinerary", "data-testid": "itinerary" },
    el("h3", {}, label),
    el("div", { class: "totals" }, `${fmt.format(itinerary.length_km)} km · ${fmt1.format(itinerary.time_h / 24)} days · USD ${fmt.format(itinerary.cost_usd)} per ${itinerary.unit.toUpperCase()}`,
      sourceLink(itinerary.sources)),
    el("div", { class: "hint" }, `crossings: ${itinerary.crossings.join(", ") || "none"} · gauge changes: ${itinerary.gauge_changes}`),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "#"), el("th", {}, "step"), el("th", {}, "from → to"),
      el("th", { class: "num" }, "km"), el("th", { class: "num" }, "h"), el("th", { class: "num" }, "USD"))), el("tbody", {}, rows)));
}

function drawItinerary(itinerary, color, weight) {
  const layer = L.layerGroup();
  const links = new Map(state.layers.links.features.map((f) => [f.properties.id, f]));
  for (const leg of itinerary.legs) {
    if (leg.kind === "border") {
      const a = coords(leg.from_id);
      if (a) L.circleMarker(a, { radius: 7, color, weight: 3, fill: false }).bindTooltip(leg.crossing_id).addTo(layer);
      continue;
    }
    for (const id of leg.link_ids) {
      const feature = links.get(id);
      if (feature) {
        L.geoJSON(feature, { style: { color, weight, opacity: 0.85, dashArray: leg.mode === "road" ? "8 4" : null } }).addTo(layer);
      }
    }
  }
  return layer;
}

async function planRoute(event) {
  event?.preventDefault();
  const form = new FormData($("#route-form"));
  const status = $("#route-status");
  status.className = ""; status.textContent = "Routing…";
  $("#route-result").replaceChildren();
  groups.route.clearLayers();
  try {
    const result = await api("/api/v1/route", { origin: form.get("origin"), destination: form.get("destination"),
      mode: form.getAll("mode"), by: form.get("by"), date: form.get("date") || state.date, alternatives: 2, pareto: true });
    status.textContent = `${result.alternatives.length + 1} routes, ${result.pareto.length} on the time–cost front.`;
    $("#route-result").append(itineraryTable(result.best, "Best route"),
      ...result.alternatives.map((it, i) => itineraryTable(it, `Alternative ${i + 1}`)));
    result.alternatives.slice().reverse().forEach((it) => drawItinerary(it, "#555", 3).addTo(groups.route));
    const best = drawItinerary(result.best, "#111", 6);
    best.addTo(groups.route);
    const bounds = L.latLngBounds(result.best.legs.flatMap((leg) => [coords(leg.from_id), coords(leg.to_id)]).filter(Boolean));
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [30, 30] });
    document.body.dataset.routeDrawn = String(result.best.legs.length);
    drawPareto(result.pareto);
  } catch (error) {
    status.className = "error";
    status.textContent = error.message;
    const suggestions = error.problem?.suggestions;
    if (suggestions?.length) status.append(el("div", {}, "Did you mean: ", suggestions.map((s) => s.name || s).join(", "), "?"));
  }
}

function drawPareto(front) {
  const canvas = $("#pareto-chart");
  canvas.hidden = front.length === 0;
  state.charts.pareto?.destroy();
  state.charts.pareto = new Chart(canvas, {
    type: "scatter",
    data: { datasets: [{ label: "non-dominated routes (time, cost)", data: front.map((it) => ({ x: it.time_h / 24, y: it.cost_usd, label: it.crossings.join(" + ") })),
      showLine: true, borderColor: "#b5442b", backgroundColor: "#b5442b" }] },
    options: { animation: false, plugins: { tooltip: { callbacks: { label: (ctx) => `${fmt1.format(ctx.raw.x)} d, USD ${fmt.format(ctx.raw.y)} — ${ctx.raw.label}` } } },
      scales: { x: { title: { display: true, text: "days" } }, y: { title: { display: true, text: "USD per TEU" } } } },
  });
}

// -- projects ---------------------------------------------------------------------------------------
async function loadProjects() {
  const form = new FormData($("#project-filters"));
  const page = await api("/api/v1/projects", { as_of: state.date, direction: form.get("direction"), status: form.get("status"),
    country: form.get("country"), limit: 500 });
  $("#project-table tbody").replaceChildren(...page.items.map((row) => el("tr", { "data-project-id": row.project.id, onclick: () => showProject(row.project.id) },
    el("td", {}, row.project.name_en, sourceLink(row.project.source)),
    el("td", {}, el("span", { class: `status ${row.status || "none"}` }, (row.status || "not yet").replace("_", " "))),
    el("td", {}, row.since || ""))));
}

async function showProject(id) {
  const details = await api(`/api/v1/projects/${encodeURIComponent(id)}`, { as_of: state.date });
  const p = details.project;
  $("#project-detail").replaceChildren(el("h3", {}, p.name_en),
    p.description ? el("p", {}, p.description) : null,
    el("p", { class: "hint" }, [p.kind, p.countries.join(" "), p.directions.join(", "),
      p.cost_usd ? `USD ${fmt.format(p.cost_usd)}` : null, p.length_km ? `${fmt.format(p.length_km)} km` : null, p.planned_completion ? `planned ${p.planned_completion}` : null].filter(Boolean).join(" · ")),
    el("ol", { class: "timeline", "data-testid": "project-timeline" }, details.timeline.map((e) => el("li", {}, `${e.date} `, el("span", { class: `status ${e.status}` }, e.status.replace("_", " ")), e.note ? ` ${e.note}` : "", sourceLink(e.source)))),
    el("p", {}, `${details.links.length} link(s), ${details.crossings.length} crossing(s) on the map. `,
      el("button", { type: "button", "data-testid": "project-sources", onclick: () => showSources(details.sources.map((s) => s.id)) }, `All ${details.sources.length} sources`)));
  $("#project-detail").scrollIntoView({ behavior: "smooth", block: "start" });
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
async function loadTrade() {
  const report = await api("/api/v1/trade", { years: "2013-2025" });
  const partners = ["kz", "kg", "uz", "tm", "tj"];
  const palette = { kz: "#2a5d9f", kg: "#b5442b", uz: "#1c8c8c", tm: "#d38b1f", tj: "#6a3d9a" };
  state.charts.trade?.destroy();
  state.charts.trade = new Chart($("#trade-chart"), {
    type: "bar",
    data: { labels: report.years.map((y) => y.year), datasets: partners.map((p) => ({ label: COUNTRY_NAMES[p], backgroundColor: palette[p],
      data: report.years.map((y) => (y.by_partner_usd[p] ?? null) && y.by_partner_usd[p] / 1e9) })) },
    options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: "bn USD" } } } },
  });
  const byYear = new Map();
  for (const row of report.rows) byYear.set(row.year, [...(byYear.get(row.year) || []), ...row.source]);
  $("#trade-table").replaceChildren(el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "year"), el("th", { class: "num" }, "total, bn USD"), el("th", {}, "partners"))),
    el("tbody", {}, report.years.map((y) => el("tr", {}, el("td", {}, y.year), el("td", { class: "num" }, fmt1.format(y.total_usd / 1e9), sourceLink(byYear.get(y.year))),
      el("td", {}, Object.keys(y.by_partner_usd).join(" ")))))));
}

async function loadAgreements() {
  const page = await api("/api/v1/agreements", { limit: 500 });
  $("#agreement-list").replaceChildren(el("table", {}, el("tbody", {}, page.items.map((a) => el("tr", {},
    el("td", {}, a.signed_on), el("td", {}, a.name, el("div", { class: "hint" }, `${a.kind}${a.summit ? ` · ${a.summit}` : ""} · ${a.parties.join(" ")}`)),
    el("td", {}, sourceLink(a.source)))))));
}

async function loadPeople() {
  const [page, counts] = await Promise.all([api("/api/v1/sister-cities", { limit: 500 }), api("/api/v1/sister-cities/counts")]);
  $("#sister-list").replaceChildren(
    el("p", {}, counts.map((c) => `${c.scope === "all" ? "All five" : COUNTRY_NAMES[c.scope]}: ${c.note && c.note.includes("more") ? "more than " : ""}${c.count} pairs (${c.as_of})`).join("; "), sourceLink(counts.flatMap((c) => c.source))),
    el("table", {}, el("tbody", {}, page.items.map((s) => el("tr", {}, el("td", {}, s.cn_city), el("td", {}, s.partner_city), el("td", {}, s.established_year ?? ""), el("td", {}, sourceLink(s.source)))))));
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
  box.replaceChildren(...MATRIX_PLACES.map((id) => el("label", {}, el("input", { type: "checkbox", name: "place", value: id, checked: "" }),
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
    $("#matrix-status").textContent = `Done: ${result.place_ids.length} × ${result.place_ids.length}, network of ${result.date}. Days / USD per TEU.`;
    const name = (id) => state.places.get(id)?.properties.name || id;
    const cell = (i, j) => (result.time_h[i][j] === null ? "–"
      : i === j ? "" : `${fmt1.format(result.time_h[i][j] / 24)} d / ${fmt.format(result.cost_usd[i][j])}`);
    $("#matrix-result").replaceChildren(el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "from ↓ to →"), result.place_ids.map((id) => el("th", {}, name(id))))),
      el("tbody", {}, result.place_ids.map((id, i) => el("tr", {}, el("th", {}, name(id)),
        result.place_ids.map((_, j) => el("td", { class: "num" }, cell(i, j))))))));
  });
  matrixStream.onerror = () => { if (matrixStream) stopMatrix("The computation was interrupted."); };
}

// -- tabs and start -------------------------------------------------------------------------------
const loaders = { projects: loadProjects, trade: loadTrade, agreements: loadAgreements, people: loadPeople };
function selectTab(name) {
  for (const button of document.querySelectorAll("#tabs button")) button.setAttribute("aria-selected", String(button.dataset.tab === name));
  for (const section of document.querySelectorAll(".tab")) section.hidden = section.id !== `tab-${name}`;
  loaders[name]?.();
}

function fillSelect(select, values, label = (v) => v.replaceAll("_", " ")) {
  select.append(...values.map((v) => el("option", { value: v }, label(v))));
}

async function start() {
  document.querySelectorAll("#tabs button").forEach((button) => button.addEventListener("click", () => selectTab(button.dataset.tab)));
  document.querySelectorAll("input[data-layer]").forEach((box) => box.addEventListener("change", () => { renderNetwork(); renderPlaces(); renderSister(); }));
  $("#date-slider").addEventListener("input", (event) => setDate(event.target.value));
  $("#play").addEventListener("click", play);
  $("#route-form").addEventListener("submit", planRoute);
  $("#project-filters").addEventListener("change", loadProjects);
  $("#sources-close").addEventListener("click", () => { $("#sources").hidden = true; });
  const filters = $("#project-filters");
  fillSelect(filters.elements.direction, DIRECTIONS);
  fillSelect(filters.elements.status, STATUSES);
  fillSelect(filters.elements.country, Object.keys(COUNTRY_NAMES), (c) => COUNTRY_NAMES[c]);

  await drawCountries();
  map.fitBounds([[35, 50], [46, 120]]);
  const [layers, timeline, trade] = await Promise.all([api("/api/v1/map"), api("/api/v1/timeline"),
    api("/api/v1/trade", { years: "2013-2025" })]);
  state.layers = layers;
  state.trade = trade;
  timeline.forEach((item) => state.timeline.set(item.id, item));
  layers.places.features.forEach((f) => state.places.set(f.properties.id, f));
  $("#place-names").replaceChildren(...layers.places.features.map((f) => el("option", { value: f.properties.name })));
  const years = timeline.filter((t) => t.opens_on).map((t) => Number(t.opens_on.slice(0, 4)));
  const slider = $("#date-slider");
  slider.max = String(Math.max(2026, ...years) + 1);
  const today = new Date();
  slider.value = String(today.getFullYear() + today.getMonth() / 12);
  renderPlaces();
  renderSister();
  setupMatrix();
  setDate(slider.value);
  document.body.dataset.ready = "true";
}

// A read-only handle for tests and for curious users in the browser console.
window.caravan = { state, groups, linkStateOn };

start().catch((error) => {
  document.body.dataset.ready = "error";
  $("#network-stats").textContent = `Could not load the observatory: ${error.message}`;
});
