// Review view: proposed facts read from documents, each with its evidence, accepted or rejected
// by a person. Everything shown comes from /api/v1/proposals; accepting and rejecting call the
// API with the operator's write token, typed into the view (kept in this page only).
import { $, api, el, sourceLink } from "./util.js";
import { setupUpload } from "./upload.js";

let ctx = null; // { onAccepted }
const view = { items: [], selected: null, ticket: 0, justRead: new Set() };

export function setupReview(context) {
  ctx = context;
  // The token field sits in the form but is no filter: typing it must not reload the list.
  $("#review-filters").addEventListener("change", (event) => { if (event.target.id !== "review-token") loadReview(); });
  $("#review-filters").addEventListener("submit", (event) => { event.preventDefault(); loadReview(); });
  setupUpload({ onRead: showRead });
}

/** After a document is read: the pending queue, all kinds, its proposals marked. */
async function showRead(result) {
  view.justRead = new Set(result.proposals.map((p) => p.id));
  const form = $("#review-filters").elements;
  form.state.value = "pending";
  form.kind.value = "";
  await loadReview();
}

/** Load the list of proposals matching the filters; keeps the selection if it is still listed. */
export async function loadReview() {
  const ticket = ++view.ticket;
  const form = $("#review-filters").elements;
  const status = $("#review-status");
  status.textContent = "Loading proposals…";
  try {
    const page = await api("/api/v1/proposals", { state: form.state.value, kind: form.kind.value, order: form.order.value, limit: 200 });
    if (ticket !== view.ticket) return;
    view.items = page.items;
    status.textContent = `${page.total} ${form.state.value || ""} proposal${page.total === 1 ? "" : "s"}`.replace("  ", " ");
    renderList();
    const still = view.items.find((p) => p.id === view.selected);
    if (still) renderDetail(still); else { view.selected = null; $("#review-detail").replaceChildren(); }
  } catch (error) {
    if (ticket === view.ticket) status.textContent = `Could not load the proposals: ${error.message}`;
  } finally {
    if (ticket === view.ticket) document.body.dataset.review = "loaded";
  }
}

function renderList() {
  const list = $("#review-list");
  const focused = document.activeElement?.closest?.("#review-list button.proposal")?.dataset.proposalId;
  if (!view.items.length) {
    list.replaceChildren(el("p", { class: "hint" }, "Nothing to review. Submit a document above, or read documents with caravan ingest."));
    return;
  }
  list.replaceChildren(el("ul", { class: "proposals" }, view.items.map((p) => el("li", {},
    el("button", { type: "button", class: "proposal", "data-proposal-id": p.id, "aria-pressed": String(p.id === view.selected),
      onclick: () => select(p.id) },
    el("span", { class: "proposal-kind" }, p.kind.replaceAll("_", " "),
      view.justRead.has(p.id) ? el("span", { class: "just-read" }, " · from the document just read") : null),
    el("span", { class: "proposal-summary" }, p.summary),
    el("span", { class: "proposal-meta" }, `“${p.mention}” · confidence ${p.confidence.toFixed(2)} · ${p.comparison.disposition}`,
      p.flags.length ? el("span", { class: "proposal-flags" }, ` · ⚑ ${p.flags.map((f) => f.code.replaceAll("_", " ")).join(", ")}`) : null))))));
  // A reload keeps the keyboard where it was.
  if (focused) list.querySelector(`button[data-proposal-id="${focused}"]`)?.focus();
}

async function select(id) {
  view.selected = id;
  for (const button of document.querySelectorAll("#review-list button.proposal")) button.setAttribute("aria-pressed", String(button.dataset.proposalId === id));
  const detail = $("#review-detail");
  detail.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  try {
    renderDetail(await api(`/api/v1/proposals/${id}`));
    detail.querySelector("h3")?.focus();
  } catch (error) {
    detail.replaceChildren(el("p", { role: "alert" }, `Could not load the proposal: ${error.message}`));
  }
}

/** The evidence sentence with every occurrence of the mention marked. */
export function highlighted(sentence, mention) {
  const parts = [];
  const lower = sentence.toLowerCase();
  const needle = mention.toLowerCase();
  let at = 0;
  for (let found = lower.indexOf(needle); needle && found >= 0; found = lower.indexOf(needle, found + needle.length)) {
    parts.push(sentence.slice(at, found), el("mark", {}, sentence.slice(found, found + needle.length)));
    at = found + needle.length;
  }
  parts.push(sentence.slice(at));
  return parts;
}

function renderDetail(p) {
  const doc = p.document;
  const comparison = p.comparison;
  const heldIds = p.held_sources?.length ? p.held_sources.map((s) => s.id) : comparison.held_sources;
  const pending = p.state === "pending";
  $("#review-detail").replaceChildren(el("article", { class: "proposal-detail", "data-testid": "review-detail" },
    el("h3", { tabindex: "-1" }, p.summary),
    el("p", { class: "hint" }, `${p.kind.replaceAll("_", " ")} · ${p.state} · confidence ${p.confidence.toFixed(2)}`),
    el("blockquote", { class: "evidence", "data-testid": "review-evidence" }, highlighted(p.evidence.sentence, p.mention)),
    el("p", { class: "hint" }, "From ", doc.url ? el("a", { href: doc.url, rel: "noreferrer" }, doc.title || doc.url) : (doc.title || "a document without URL"),
      doc.publisher ? `, ${doc.publisher}` : "", doc.published_on ? `, ${doc.published_on}` : ""),
    comparison.held_value !== null || comparison.held_ref ? el("table", { class: "comparison", "data-testid": "review-comparison" },
      el("caption", {}, `${comparison.disposition} with ${comparison.held_ref || "the knowledge base"}`),
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, ""), el("th", { scope: "col" }, "value"), el("th", { scope: "col" }, "source"))),
      el("tbody", {},
        el("tr", {}, el("th", { scope: "row" }, "held"), el("td", {}, comparison.held_value ?? "—"), el("td", {}, sourceLink(heldIds) || "—")),
        el("tr", {}, el("th", { scope: "row" }, "proposed"), el("td", {}, p.proposed_value ?? p.summary), el("td", {}, doc.title || p.document_source_id)))) : null,
    p.flags.length ? el("ul", { class: "flags", "aria-label": "Flags" }, p.flags.map((f) => el("li", {}, el("strong", {}, f.code.replaceAll("_", " ")), `: ${f.message}`))) : null,
    p.decided_at ? el("p", { class: "hint" }, `${p.state} by ${p.decided_by} at ${p.decided_at}${p.reason ? ` (${p.reason})` : ""}`) : null,
    pending ? el("div", { class: "actions" },
      el("button", { type: "button", class: "accept", "data-testid": "review-accept", onclick: () => decide(p, "accept") }, "Accept"),
      el("label", {}, "Reason ", el("input", { type: "text", id: "review-reason", maxlength: "500", autocomplete: "off" })),
      el("button", { type: "button", class: "reject", "data-testid": "review-reject", onclick: () => decide(p, "reject") }, "Reject")) : null,
    el("div", { id: "review-outcome", role: "status", "data-testid": "review-outcome" })));
}

async function decide(p, action) {
  const token = $("#review-token").value.trim();
  const outcome = $("#review-outcome");
  if (!token) {
    outcome.textContent = "Enter the write token first: changes to the knowledge base need it.";
    $("#review-token").focus();
    return;
  }
  const reason = $("#review-reason")?.value.trim();
  outcome.textContent = action === "accept" ? "Accepting…" : "Rejecting…";
  try {
    const body = action === "reject" ? JSON.stringify({ reason: reason || null }) : undefined;
    const result = await api(`/api/v1/proposals/${p.id}/${action}`, {}, { method: "POST", body,
      headers: { Authorization: `Bearer ${token}`, ...(body ? { "Content-Type": "application/json" } : {}) } });
    if (action === "accept") {
      outcome.textContent = `Accepted: ${result.table} ${result.key} (journal entry ${result.journal_entry}).`;
      await ctx?.onAccepted?.(result);
    } else {
      outcome.textContent = "Rejected; nothing was written to the knowledge base.";
    }
    const message = outcome.textContent;
    await loadReview();
    const status = $("#review-status");
    status.textContent = `${message} ${status.textContent}`;
    // The decided proposal left the list: keep the keyboard in the view, on the next one.
    ($("#review-list button.proposal") || status).focus();
    document.body.dataset.reviewed = result.proposal_id || result.id;
  } catch (error) {
    outcome.textContent = `Not ${action}ed: ${error.message}`;
  }
}
