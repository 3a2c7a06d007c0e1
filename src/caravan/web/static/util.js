// Shared helpers of the observatory: API calls, DOM building, the sources drawer, downloads.

export const $ = (selector) => document.querySelector(selector);
export const fmt = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
export const fmt1 = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
export const COUNTRY_LABELS = { cn: "China", kz: "Kazakhstan", kg: "Kyrgyzstan", tj: "Tajikistan", tm: "Turkmenistan",
  uz: "Uzbekistan", af: "Afghanistan", az: "Azerbaijan", ir: "Iran", ru: "Russia", ge: "Georgia", tr: "Türkiye" };

export async function api(path, params = {}, options = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (Array.isArray(value)) value.forEach((v) => url.searchParams.append(key, v));
    else if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) {
    const error = new Error(body.detail || body.title || response.statusText);
    error.problem = body;
    throw error;
  }
  return body;
}

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// -- sources: every number can be followed to where it comes from --------------------------------
// A real button: it takes focus, and Enter and Space open the drawer.
export function sourceLink(ids) {
  const list = [...new Set(ids || [])];
  if (!list.length) return null;
  return el("button", { type: "button", class: "src", "data-sources": list.join(" "),
    title: list.join(", "), onclick: (event) => { event.stopPropagation(); showSources(list, event.currentTarget); } },
  `[${list.length} src]`, el("span", { class: "visually-hidden" }, ` show ${list.length === 1 ? "its source" : `its ${list.length} sources`}`));
}

let drawerOpener = null;
export async function showSources(ids, opener = document.activeElement) {
  const drawer = $("#sources");
  const body = $("#sources-body");
  drawerOpener = opener instanceof HTMLElement ? opener : null;
  body.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  drawer.hidden = false;
  $("#sources-title").focus();
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

export function closeSources() {
  const drawer = $("#sources");
  if (drawer.hidden) return false;
  drawer.hidden = true;
  if (drawerOpener?.isConnected) drawerOpener.focus();
  drawerOpener = null;
  return true;
}

// -- downloads ---------------------------------------------------------------------------------------
export function csvText(rows) {
  const cell = (value) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

/** The rows of an HTML table as shown (header rows first), without source buttons or controls. */
export function tableRows(table) {
  return [...table.querySelectorAll("tr")].map((tr) => [...tr.children].map((cellNode) => {
    const copy = cellNode.cloneNode(true);
    copy.querySelectorAll(".src, button, .no-csv").forEach((node) => node.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  }));
}

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadButton(label, filename, content, type = "text/csv") {
  return el("button", { type: "button", class: "download", "data-download": filename,
    onclick: () => download(typeof filename === "function" ? filename() : filename, content(), type) }, `↓ ${label}`);
}

/** A button that downloads whatever table is in `holder` (or is `holder`) when clicked, as CSV. */
export function tableDownload(holder, filename, label = "CSV") {
  return downloadButton(label, filename, () => {
    const table = holder instanceof HTMLTableElement ? holder : holder.querySelector("table");
    return table ? csvText(tableRows(table)) : "";
  });
}

/** A table in a scrollable, keyboard-focusable region with a sticky first column. */
export function scrollTable(label, table) {
  return el("div", { class: "table-scroll", role: "region", "aria-label": label, tabindex: "0" }, table);
}
