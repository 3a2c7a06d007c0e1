// Review view, submitting a document: a file (text, HTML or PDF) or a pasted text, with its
// optional details, posted to /api/v1/documents with the view's write token. Progress in steps
// (sending, then reading on the server, then the counts the API returns); every failure is a
// message in the view. The server reads and proposes; this module only posts and renders.
import { $, el } from "./util.js";

/** Media types the endpoint takes, by file suffix (a picked file's own type may be empty). */
const MEDIA_BY_SUFFIX = { txt: "text/plain", text: "text/plain", htm: "text/html", html: "text/html", pdf: "application/pdf" };
const ACCEPT = ".txt,.text,.htm,.html,.pdf,text/plain,text/html,application/pdf";
const DETAILS = ["title", "publisher", "date", "url", "language"];
const kb = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

let ctx = null; // { onRead(result) }

/** Build the form after the review filters; `onRead` gets the API's answer once a document is read. */
export function setupUpload(context) {
  ctx = context;
  $("#review-filters").after(uploadBox());
  $("#upload-form").addEventListener("submit", (event) => { event.preventDefault(); submit(); });
}

function field(label, input) {
  return el("label", {}, label, input);
}

function uploadBox() {
  return el("details", { class: "upload", id: "upload-box", "data-testid": "upload-box" },
    el("summary", {}, "Submit a document"),
    el("form", { id: "upload-form", novalidate: true },
      el("p", { class: "hint" }, "A file (text, HTML or PDF) or a pasted text; its facts join the queue "
        + "below as proposals. Needs the write token above."),
      field("File", el("input", { type: "file", name: "file", id: "upload-file", accept: ACCEPT })),
      field("or paste the text", el("textarea", { name: "text", id: "upload-text", rows: "4", spellcheck: "false" })),
      el("div", { class: "pair" },
        field("Title", el("input", { type: "text", name: "title", maxlength: "500", autocomplete: "off" })),
        field("Publisher", el("input", { type: "text", name: "publisher", maxlength: "200", autocomplete: "off" })),
        field("Published on", el("input", { type: "text", name: "date", inputmode: "numeric", autocomplete: "off",
          placeholder: "YYYY-MM-DD, YYYY-MM or YYYY", pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?",
          "data-invalid": "a day, a month or a year, written YYYY-MM-DD, YYYY-MM or YYYY" })),
        field("Language", el("select", { name: "language" }, el("option", { value: "" }, "detect"),
          el("option", { value: "en" }, "English"), el("option", { value: "ru" }, "Russian")))),
      field("URL", el("input", { type: "url", name: "url", maxlength: "2000", autocomplete: "off", placeholder: "where it was published",
        pattern: "https?://\\S+", "data-invalid": "a web address, starting with http or https" })),
      el("div", { class: "actions" }, el("button", { type: "submit", id: "upload-go", "data-testid": "upload-go" }, "Read the document")),
      el("progress", { id: "upload-progress", hidden: true, "aria-label": "Reading the document" }),
      el("div", { id: "upload-status", role: "status", "data-testid": "upload-status" }),
      el("ul", { id: "upload-warnings", class: "notices", hidden: true, "aria-label": "Warnings" })));
}

/** The document to send: the picked file or the pasted text, with its media type; or a message. */
function documentToSend(form) {
  const file = form.file.files[0];
  const text = form.text.value;
  if (file && text.trim()) return { problem: "Choose a file or paste a text, not both." };
  if (file) {
    const suffix = file.name.includes(".") ? file.name.split(".").pop().toLowerCase() : "";
    const type = Object.values(MEDIA_BY_SUFFIX).includes(file.type) ? file.type : MEDIA_BY_SUFFIX[suffix];
    return { body: file, type: type || file.type || "application/octet-stream", shown: `“${file.name}”` };
  }
  if (text.trim()) return { body: new Blob([text], { type: "text/plain" }), type: "text/plain; charset=utf-8", shown: "the pasted text" };
  return { problem: "Choose a file or paste a text first." };
}

function say(message, outcome) {
  $("#upload-status").textContent = message;
  $("#upload-status").classList.toggle("error", outcome === "error");
  document.body.dataset.upload = outcome;
}

async function submit() {
  const form = $("#upload-form");
  document.body.dataset.upload = "checking";
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  $("#upload-warnings").hidden = true;
  const token = $("#review-token").value.trim();
  if (!token) {
    say("Enter the write token first: adding proposals needs it.", "error");
    $("#review-token").focus();
    return;
  }
  const invalid = [...form.elements].filter((input) => input.willValidate && !input.validity.valid);
  if (invalid.length) {
    invalid.forEach((input) => input.setAttribute("aria-invalid", "true"));
    say(invalid.map((input) => `${labelOf(input)}: ${input.dataset.invalid || input.validationMessage}`).join("; "), "error");
    invalid[0].focus();
    return;
  }
  const upload = documentToSend(form.elements);
  if (upload.problem) { say(upload.problem, "error"); form.file.focus(); return; }
  const url = new URL("/api/v1/documents", window.location.origin);
  for (const name of DETAILS) {
    const value = form.elements[name].value.trim();
    if (value) url.searchParams.set(name, value);
  }
  busy(true);
  try {
    const answer = await post(url, upload, token);
    if (answer.status !== 201) { refused(answer, upload.shown); return; }
    const result = answer.body;
    say(`Read ${upload.shown}: ` + (result.new ? `${result.new} new proposal${result.new === 1 ? "" : "s"}` : "nothing new")
      + (result.known ? `, ${result.known} proposed before.` : "."), "done");
    showWarnings(result.warnings);
    form.reset();
    await ctx?.onRead?.(result);
  } catch (error) {
    say(`Not sent: ${error.message}.`, "error");
  } finally {
    busy(false);
  }
}

function busy(on) {
  const form = $("#upload-form");
  form.setAttribute("aria-busy", String(on));
  $("#upload-go").disabled = on;
  const bar = $("#upload-progress");
  bar.hidden = !on;
  bar.removeAttribute("value");  // indeterminate until the first bytes are counted
}

/** POST the document; resolves with the status and the parsed JSON (or null), rejects when unreachable. */
function post(url, upload, token) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.setRequestHeader("Authorization", `Bearer ${token}`);
    request.setRequestHeader("Content-Type", upload.type);
    const bar = $("#upload-progress");
    request.upload.addEventListener("progress", (event) => {
      if (!event.lengthComputable) return;
      bar.max = event.total; bar.value = event.loaded;
      say(`Sending ${kb.format(event.loaded / 1024)} of ${kb.format(event.total / 1024)} KB…`, "sending");
    });
    request.upload.addEventListener("load", () => {
      bar.removeAttribute("value");
      say("Reading the document and comparing it with the knowledge base…", "reading");
    });
    request.addEventListener("load", () => {
      let body = null;
      try { body = JSON.parse(request.responseText); } catch { body = null; }
      resolve({ status: request.status, statusText: request.statusText, body });
    });
    request.addEventListener("error", () => reject(new Error("the server could not be reached (or closed the connection)")));
    request.addEventListener("abort", () => reject(new Error("the upload was stopped")));
    say("Sending…", "sending");
    request.send(upload.body);
  });
}

/** A refusal as a sentence, with the fields the server named marked invalid. */
function refused(answer, shown) {
  const problem = answer.body || {};
  const detail = problem.detail || `the server answered ${answer.status} ${answer.statusText}`.trim();
  const why = { 401: "the write token is missing or wrong", 403: "the write token is wrong",
    413: "the document is larger than the server accepts" }[answer.status];
  const form = $("#upload-form");
  const fields = (problem.errors || []).map((error) => [form.elements[error.location?.[1]], error.reason])
    .filter(([input]) => input instanceof HTMLElement);
  fields.forEach(([input]) => input.setAttribute("aria-invalid", "true"));
  const reason = fields.length ? fields.map(([input, text]) => `${labelOf(input)}: ${text}`).join("; ") : detail;
  say(`${shown[0].toUpperCase()}${shown.slice(1)}: ${why ? `${why} (${reason})` : reason}`, "error");
  (form.querySelector("[aria-invalid=true]") || (answer.status === 401 || answer.status === 403 ? $("#review-token") : null))?.focus();
}

/** The visible label of a form field. */
function labelOf(input) {
  return input.closest("label")?.firstChild?.textContent.trim() || input.name;
}

function showWarnings(warnings) {
  const list = $("#upload-warnings");
  list.replaceChildren(...(warnings || []).map((text) => el("li", {}, text)));
  list.hidden = !warnings?.length;
}
