// Scenarios view: compare scenario A with B. Everything shown comes from one /api/v1/compare call:
// the trade-weighted headline, the country pairs, the pairs that gain most, the routes that change
// (and their paths on the map), the pairs that lose every route, the projects beside their claims.
/* global L */
import { $, api, el, fmt, fmt1, sourceLink, tableDownload, scrollTable, COUNTRY_LABELS } from "./util.js";

const signed1 = new Intl.NumberFormat("en", { maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: "exceptZero" });
const signed0 = new Intl.NumberFormat("en", { maximumFractionDigits: 0, signDisplay: "exceptZero" });
const QUANTITY = { length_km_saved: "km saved", days_saved: "days saved", days: "days" };
const CHANGE_LABELS = { crossing: "other crossing", mode: "other mode", "crossing+mode": "other crossing and mode",
  lost: "no route in B", gained: "new route in B" };
const SIDE_STYLE = { a: { color: "#5a5a5a", weight: 3, opacity: 0.8, dashArray: "6 6" }, b: { color: "#d95f02", weight: 5, opacity: 0.9 } };
export const DEFAULT_COMPARE = { a: "today", b: "cku-railway", by: "generalised" };

let ctx = null; // { map, groups, state, coords, onCompare }
const view = { ticket: 0, result: null, query: null };

export function setupScenarios(context) {
  ctx = context;
  $("#compare-form").addEventListener("submit", (event) => { event.preventDefault(); runCompare(readCompare(), { push: true }); });
}

/** The scenario names into the A and B pickers (from /api/v1/scenarios, loaded once by the page). */
export function fillCompareOptions(scenarios) {
  const query = view.query || DEFAULT_COMPARE;
  for (const [select, value] of [[$("#compare-a"), query.a], [$("#compare-b"), query.b]]) {
    select.replaceChildren(...scenarios.map((s) => el("option", { value: s.name }, s.name)));
    select.value = value;
  }
}

export function readCompare() {
  const form = $("#compare-form").elements;
  return { a: form.a.value || DEFAULT_COMPARE.a, b: form.b.value || DEFAULT_COMPARE.b, by: form.by.value || DEFAULT_COMPARE.by };
}

export function compareToParams(params) {
  const query = view.query || readCompare();
  params.set("a", query.a);
  params.set("b", query.b);
  if (query.by !== DEFAULT_COMPARE.by) params.set("by", query.by);
}

export function paramsToCompare(params) {
  return { a: params.get("a") || DEFAULT_COMPARE.a, b: params.get("b") || DEFAULT_COMPARE.b, by: params.get("by") || DEFAULT_COMPARE.by };
}

export function currentCompare() { return view.query; }

/** The changed routes are drawn only while the Scenarios view is open. */
export function showCompareLayer(shown) {
  if (shown) ctx.groups.compare.addTo(ctx.map); else ctx.groups.compare.remove();
}

// -- names -----------------------------------------------------------------------------------
function placeName(id) { return ctx.state.places.get(id)?.properties.name || id; }
function crossingName(id) { return ctx.state.crossings.get(id)?.properties.name || id; }
function countryName(id) { return COUNTRY_LABELS[id] || id; }
function pairName(p) { return `${p.origin_name} → ${p.destination_name}`; }
function hours(value) { return value === null || value === undefined ? "–" : signed1.format(value); }
function usd(value) { return value === null || value === undefined ? "–" : signed0.format(value); }
function pct(value) { return value === null || value === undefined ? "" : `${signed1.format(value)}\u00a0%`; }
function days(value) { return value === null || value === undefined ? "–" : fmt1.format(value / 24); }
function km(value) { return value === null || value === undefined ? "–" : fmt.format(value); }
function tone(value) { return value === null || value === undefined || Math.abs(value) < 1e-9 ? "num" : value < 0 ? "num gain" : "num loss"; }
function th(text, num = false) { return el("th", { scope: "col", class: num ? "num" : undefined }, text); }
function crossingsText(ids) { return ids.length ? ids.map(crossingName).join(", ") : "none"; }

// -- the comparison ---------------------------------------------------------------------------------
export async function runCompare(query, { push = false } = {}) {
  const form = $("#compare-form").elements;
  form.a.value = query.a; form.b.value = query.b; form.by.value = query.by;
  const ticket = ++view.ticket;
  view.query = query;
  ctx.onCompare?.(push);
  const status = $("#compare-status");
  status.className = "";
  status.textContent = `Comparing ${query.a} with ${query.b}: every pair of places on both networks…`;
  $("#compare-progress").hidden = false;
  $("#compare-go").disabled = true;
  $("#compare-result").setAttribute("aria-busy", "true");
  document.body.dataset.compare = "running";
  try {
    const result = await api("/api/v1/compare", { a: query.a, b: query.b, by: query.by });
    if (ticket !== view.ticket) return;
    view.result = result;
    showComparison(result);
    status.textContent = `Compared ${result.a.name} (network of ${result.a.date}) with ${result.b.name} (network of ${result.b.date}): `
      + `${fmt.format(result.pairs_changed)} of ${fmt.format(result.places ** 2)} pairs change.`;
    document.body.dataset.compare = "done";
  } catch (error) {
    if (ticket !== view.ticket) return;
    view.result = null;
    $("#compare-result").replaceChildren();
    ctx.groups.compare.clearLayers();
    status.className = "error";
    status.textContent = `The comparison failed: ${error.message}`;
    document.body.dataset.compare = "error";
  } finally {
    if (ticket === view.ticket) {
      $("#compare-progress").hidden = true;
      $("#compare-go").disabled = false;
      $("#compare-result").removeAttribute("aria-busy");
    }
  }
}

function showComparison(r) {
  const name = `${r.a.name}-vs-${r.b.name}`;
  const parts = [headline(r), sides(r),
    section("Country pairs", "compare-countries", countryTable(r), `${name}-country-pairs.csv`,
      "Mean change over the pairs of places between two countries, both directions; negative is a gain."),
    section("Pairs that gain most", "compare-gains", pairTable(r.top_gains, "top-gains"), `${name}-top-gains.csv`,
      r.top_gains.length ? null : "No pair of places is faster in B than in A."),
    section(`Routes that change (${r.route_changes_total})`, "compare-routes", routeTable(r.route_changes), `${name}-route-changes.csv`,
      r.route_changes.length ? "Best routes that use another crossing or mode; drawn on the map (A dashed grey, B orange)." : "No best route changes its crossings or modes."),
  ];
  if (r.lost_total) parts.push(section(`Pairs that lose every route (${r.lost_total})`, "compare-lost", pairTable(r.lost, "lost"), `${name}-lost.csv`));
  if (r.gained_total) parts.push(section(`Pairs that gain a route (${r.gained_total})`, "compare-gained", pairTable(r.gained, "gained"), `${name}-gained.csv`));
  parts.push(...r.projects.map((p) => projectSection(p, name)));
  parts.push(el("h3", {}, "Notes"), el("ul", { class: "notes" }, r.notes.map((note) => el("li", {}, note))),
    el("p", {}, "Sources of the sides, weights and claims ", sourceLink(r.sources)));
  $("#compare-result").replaceChildren(...parts);
  drawPaths(r.paths);
}

function headline(r) {
  const t = r.trade_weighted;
  const box = el("div", { class: "headline", "data-testid": "compare-headline" });
  if (t.time_change_h === null && t.cost_change_usd === null) {
    box.append(el("p", {}, "No trade-weighted change: none of China's country pairs is reached on both sides."));
    return box;
  }
  box.append(el("p", { class: "label" }, `Trade-weighted change, China with ${t.partners.map(countryName).join(", ")} (weights: China's customs, ${t.year ?? "no year"})`),
    el("p", { class: "figures" },
      el("span", { class: tone(t.time_change_h) }, `time ${hours(t.time_change_h)} h `, el("small", {}, pct(t.time_change_pct))), " · ",
      el("span", { class: tone(t.cost_change_usd) }, `cost ${usd(t.cost_change_usd)} USD `, el("small", {}, pct(t.cost_change_pct)))),
    el("p", { class: "hint" }, `B − A, best routes by ${r.weight} cost; negative is a gain. ${fmt.format(r.places)} places.`));
  return box;
}

function sides(r) {
  const side = (label, s) => el("li", {}, el("strong", {}, `${label}: ${s.name}`), ` (network of ${s.date}) — ${s.description}`, sourceLink(s.sources));
  return el("ul", { class: "plain sides" }, side("A", r.a), side("B", r.b));
}

function section(title, testid, table, filename, hint = null) {
  const id = `${testid}-title`;
  return el("div", { class: "compare-section", "data-testid": testid },
    el("h3", { id }, title), hint ? el("p", { class: "hint" }, hint) : null,
    table ? scrollTable(title, table) : null,
    table ? el("div", { class: "actions" }, tableDownload(table, filename, `${title.replace(/ \(\d+\)$/, "")} as CSV`)) : null);
}

function countryTable(r) {
  if (!r.country_pairs.length) return null;
  return el("table", {},
    el("thead", {}, el("tr", {}, th("Countries"), th("pairs", true), th("time, h", true), th("time, %", true), th("cost, USD", true),
      th("cost, %", true), th("distance, km", true), th("trade share", true), th("lost", true), th("gained", true))),
    el("tbody", {}, r.country_pairs.map((c) => el("tr", { "data-countries": c.countries.join("-") },
      el("th", { scope: "row" }, c.countries.map(countryName).join(" – ")), el("td", { class: "num" }, c.pairs),
      el("td", { class: tone(c.mean_time_change_h) }, hours(c.mean_time_change_h)), el("td", { class: "num" }, pct(c.mean_time_change_pct)),
      el("td", { class: tone(c.mean_cost_change_usd) }, usd(c.mean_cost_change_usd)), el("td", { class: "num" }, pct(c.mean_cost_change_pct)),
      el("td", { class: tone(c.mean_length_change_km) }, c.mean_length_change_km === null ? "–" : signed0.format(c.mean_length_change_km)),
      el("td", { class: "num" }, c.trade_share === null ? "" : `${fmt1.format(c.trade_share * 100)} %`),
      el("td", { class: "num" }, c.lost_pairs), el("td", { class: "num" }, c.gained_pairs)))));
}

function pairTable(pairs, kind) {
  if (!pairs.length) return null;
  return el("table", { "data-kind": kind },
    el("thead", {}, el("tr", {}, th("Pair"), th("days A", true), th("days B", true), th("time, h", true), th("cost, USD", true),
      th("km A", true), th("km B", true), th("crossings in B"))),
    el("tbody", {}, pairs.map((p) => el("tr", {}, el("th", { scope: "row" }, pairName(p)),
      el("td", { class: "num" }, days(p.time_h_a)), el("td", { class: "num" }, days(p.time_h_b)),
      el("td", { class: tone(p.time_change_h) }, hours(p.time_change_h)), el("td", { class: tone(p.cost_change_usd) }, usd(p.cost_change_usd)),
      el("td", { class: "num" }, km(p.length_km_a)), el("td", { class: "num" }, km(p.length_km_b)),
      el("td", {}, crossingsText(p.crossings_b))))));
}

function routeTable(pairs) {
  if (!pairs.length) return null;
  return el("table", {},
    el("thead", {}, el("tr", {}, th("Pair"), th("change"), th("A: crossings, modes"), th("B: crossings, modes"), th("time, h", true),
      th("cost, USD", true), th("km", true))),
    el("tbody", {}, pairs.map((p) => el("tr", { "data-origin": p.origin, "data-destination": p.destination },
      el("th", { scope: "row" }, pairName(p)), el("td", {}, CHANGE_LABELS[p.route_change] || p.route_change),
      el("td", {}, `${crossingsText(p.crossings_a)}; ${p.modes_a.join(", ")}`),
      el("td", {}, `${crossingsText(p.crossings_b)}; ${p.modes_b.join(", ")}`),
      el("td", { class: tone(p.time_change_h) }, hours(p.time_change_h)), el("td", { class: tone(p.cost_change_usd) }, usd(p.cost_change_usd)),
      el("td", { class: tone(p.length_change_km) }, p.length_change_km === null ? "–" : signed0.format(p.length_change_km))))));
}

function projectSection(p, name) {
  const corridor = el("table", {},
    el("thead", {}, el("tr", {}, th("Pair"), th("km A", true), th("km B", true), th("days A", true), th("days B", true), th("crossings in B"))),
    el("tbody", {}, p.corridor.map((c) => el("tr", {}, el("th", { scope: "row" }, pairName(c)),
      el("td", { class: "num" }, km(c.length_km_a)), el("td", { class: tone(c.length_change_km) }, km(c.length_km_b)),
      el("td", { class: "num" }, days(c.time_h_a)), el("td", { class: tone(c.time_change_h) }, days(c.time_h_b)),
      el("td", {}, crossingsText(c.crossings_b))))));
  const claims = p.claims.length ? el("table", { "data-testid": "compare-claims" },
    el("thead", {}, el("tr", {}, th("Claim"), th("for"), th("claimed", true), th("modelled", true), th("gap"), th("sources"))),
    el("tbody", {}, p.claims.map((c) => el("tr", {},
      el("th", { scope: "row" }, c.claim), el("td", {}, `${c.scope} (model: ${placeName(c.origin)} → ${placeName(c.destination)})`),
      el("td", { class: "num" }, `${c.claimed_low === c.claimed_high ? fmt1.format(c.claimed_low) : `${fmt1.format(c.claimed_low)}–${fmt1.format(c.claimed_high)}`} ${QUANTITY[c.quantity] || c.quantity}`),
      el("td", { class: "num" }, c.modelled === null ? "no route" : `${fmt1.format(c.modelled)} ${QUANTITY[c.quantity] || c.quantity}`),
      el("td", {}, c.gap, el("div", { class: "hint" }, c.explanation)),
      el("td", {}, sourceLink(c.sources)))))) : null;
  const side = p.opened_in === "b" ? "B" : "A";
  return el("div", { class: "compare-section", "data-testid": "compare-project", "data-project-id": p.project_id },
    el("h3", {}, `${p.name}: in service in ${side} only`),
    el("p", { class: "hint" }, `Its corridor${p.mode ? ` by ${p.mode}` : ""}, from China: distance and days on each side.`),
    scrollTable(`${p.name}: corridor`, corridor),
    el("div", { class: "actions" }, tableDownload(corridor, `${name}-${p.project_id}-corridor.csv`, "Corridor as CSV")),
    claims ? el("h4", {}, "Published claims beside the model") : el("p", { class: "hint" }, "No published claim in the knowledge base."),
    claims ? scrollTable(`${p.name}: claims`, claims) : null,
    claims ? el("div", { class: "actions" }, tableDownload(claims, `${name}-${p.project_id}-claims.csv`, "Claims as CSV")) : null);
}

// -- the map: each changed route on both sides -------------------------------------------------------
function drawPaths(paths) {
  ctx.groups.compare.clearLayers();
  let bounds = null;
  for (const side of ["b", "a"]) { // A's dashed line on top of B's where they share a track
    for (const path of paths.filter((p) => p.side === side)) {
      const label = `${side.toUpperCase()}: ${placeName(path.origin)} → ${placeName(path.destination)}, ${fmt.format(path.length_km)} km, `
        + `${fmt1.format(path.time_h / 24)} days${path.crossings.length ? ` via ${path.crossings.map(crossingName).join(", ")}` : ""} (${path.modes.join(", ")})`;
      // Along the links' lines where the map has them, else from place to place.
      const features = (path.link_ids || []).map((id) => ctx.state.links.get(id)).filter(Boolean);
      const layer = features.length
        ? L.geoJSON({ type: "FeatureCollection", features }, { style: SIDE_STYLE[side] })
        : L.polyline(path.places.map((id) => ctx.coords(id)).filter(Boolean), SIDE_STYLE[side]);
      if (!layer.getBounds().isValid()) continue;
      layer.bindTooltip(label, { sticky: true });
      layer.options.side = side;
      layer.addTo(ctx.groups.compare);
      bounds = bounds ? bounds.extend(layer.getBounds()) : L.latLngBounds(layer.getBounds().getSouthWest(), layer.getBounds().getNorthEast());
    }
  }
  document.body.dataset.compareRoutes = String(ctx.groups.compare.getLayers().length);
  if (bounds && !$("#tab-scenarios").hidden) ctx.map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7 });
}
