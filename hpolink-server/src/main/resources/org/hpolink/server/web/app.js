// hpolink's review page: annotate a text with the service, review the findings (remove, change an id, add one from a
// selection) and export the result. Plain script, no libraries: it works offline, served from the jar.
"use strict";

const state = { id: "note", text: "", findings: [], editing: null };
const $ = (id) => document.getElementById(id);

function headers(json) {
  const h = json ? { "Content-Type": "application/json" } : {};
  const token = $("token").value.trim();
  if (token) {
    h.Authorization = "Bearer " + token;
  }
  return h;
}

async function call(url, options) {
  const response = await fetch(url, options);
  const body = await response.json();
  if (!response.ok) {
    const e = body.error || {};
    throw new Error((e.field ? e.field + ": " : "") + (e.message || response.statusText));
  }
  return body;
}

function status(message) {
  $("status").textContent = message;
}

async function annotate() {
  const text = $("note").value;
  if (!text.trim()) {
    status("Paste a note first.");
    return;
  }
  status("Annotating...");
  try {
    const body = await call("/v1/annotate", { method: "POST", headers: headers(true), body: JSON.stringify({ id: state.id, text: text }) });
    state.text = text.replace(/\r\n/g, "\n");
    state.findings = body.documents[0].findings;
    state.editing = null;
    $("review").hidden = false;
    $("export").hidden = true;
    status(state.findings.length + " findings.");
    render();
  } catch (e) {
    status("Error: " + e.message);
  }
}

// The text as runs of characters, each run covered by the same findings; every run carries its offset, so that a
// selection maps back to the text's characters.
function render() {
  const cuts = new Set([0, state.text.length]);
  state.findings.forEach((f) => f.spans.forEach(([s, e]) => { cuts.add(s); cuts.add(e); }));
  const points = [...cuts].sort((a, b) => a - b);
  const container = $("text");
  container.replaceChildren();
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const covering = [];
    state.findings.forEach((f, index) => {
      if (f.spans.some(([s, e]) => s <= start && end <= e)) {
        covering.push(index);
      }
    });
    const node = document.createElement(covering.length ? "mark" : "span");
    node.textContent = state.text.slice(start, end);
    node.dataset.start = start;
    if (covering.length) {
      const assertion = state.findings[covering[0]].assertion;
      node.className = assertion === "present" ? "" : assertion === "negated" ? "negated" : "other";
      node.dataset.findings = covering.join(" ");
      node.title = covering.map((index) => describe(state.findings[index])).join("\n");
      node.addEventListener("mouseenter", () => highlight(covering));
      node.addEventListener("mouseleave", () => highlight([]));
    }
    container.appendChild(node);
  }
  renderList();
}

function describe(f) {
  return f.hpo + " " + f.label + (f.assertion === "present" ? "" : " (" + f.assertion + ")");
}

function highlight(indices) {
  document.querySelectorAll("mark, #findings li").forEach((node) => {
    const of = node.dataset.findings ? node.dataset.findings.split(" ").map(Number) : [Number(node.dataset.index)];
    node.classList.toggle("active", indices.some((i) => of.includes(i)));
  });
}

function renderList() {
  const list = $("findings");
  list.replaceChildren();
  $("count").textContent = "(" + state.findings.length + ")";
  state.findings.forEach((f, index) => {
    const item = document.createElement("li");
    item.dataset.index = index;
    item.className = "assertion-" + f.assertion;
    const link = document.createElement("a");
    link.href = "https://hpo.jax.org/browse/term/" + f.hpo;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.textContent = f.hpo;
    const label = document.createElement("span");
    label.className = "label";
    label.textContent = " " + f.label;
    const meta = document.createElement("div");
    meta.className = "meta";
    meta.textContent = "\u201c" + f.text + "\u201d " + f.spans.map(([s, e]) => s + "-" + e).join(",") + ", " + f.assertion + ", " + f.source;
    const remove = button("Remove", () => { state.findings.splice(index, 1); render(); });
    remove.className = "remove";
    const change = button("Change id", () => openSearch(index, f.text));
    item.append(link, label, remove, change, meta);
    item.addEventListener("mouseenter", () => highlight([index]));
    item.addEventListener("mouseleave", () => highlight([]));
    list.appendChild(item);
  });
}

function button(text, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = text;
  b.addEventListener("click", onClick);
  return b;
}

// The selection's characters in the text, as [start, end] pairs, or null when nothing of the text is selected.
function selectedSpans() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed) {
    return null;
  }
  const offset = (node, within) => {
    const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
    if (!element || !$("text").contains(element) || element.dataset.start === undefined) {
      return null;
    }
    return Number(element.dataset.start) + within;
  };
  const range = selection.getRangeAt(0);
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) {
    return null;
  }
  let s = start;
  let e = end;
  while (s < e && /\s/.test(state.text[s])) s++;
  while (e > s && /\s/.test(state.text[e - 1])) e--;
  return e > s ? [[s, e]] : null;
}

function addFromSelection() {
  const spans = selectedSpans();
  if (!spans) {
    status("Select words in the text first.");
    return;
  }
  const text = spans.map(([s, e]) => state.text.slice(s, e)).join(" ");
  state.findings.push({ hpo: "", label: "", spans: spans, text: text, assertion: "present", score: 1, source: "curator" });
  openSearch(state.findings.length - 1, text);
}

function openSearch(index, text) {
  state.editing = index;
  $("search-box").hidden = false;
  $("search-for").textContent = text;
  $("search").value = text;
  search();
  $("search").focus();
}

function closeSearch() {
  if (state.editing !== null && !state.findings[state.editing].hpo) {
    state.findings.splice(state.editing, 1); // a new finding given no id is not kept
  }
  state.editing = null;
  $("search-box").hidden = true;
  render();
}

let searchTimer = null;
function search() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const q = $("search").value.trim();
    const results = $("search-results");
    results.replaceChildren();
    if (!q) {
      return;
    }
    try {
      const body = await call("/v1/hpo/search?limit=15&q=" + encodeURIComponent(q), { headers: headers(false) });
      body.terms.forEach((t) => {
        const item = document.createElement("li");
        item.appendChild(button(t.id + " " + t.label + (t.scope ? " [" + t.name + "]" : ""), () => choose(t)));
        results.appendChild(item);
      });
      if (!body.terms.length) {
        results.textContent = "No HPO name contains that text.";
      }
    } catch (e) {
      status("Error: " + e.message);
    }
  }, 200);
}

function choose(term) {
  const finding = state.findings[state.editing];
  finding.hpo = term.id;
  finding.label = term.label;
  finding.source = "curator";
  state.editing = null;
  $("search-box").hidden = true;
  render();
}

function reviewed() {
  return { documents: [{ id: state.id, findings: state.findings.filter((f) => f.hpo) }] };
}

function exported(kind) {
  const findings = reviewed().documents[0].findings;
  if (kind === "json") {
    return JSON.stringify(reviewed(), null, 2);
  }
  if (kind === "ids") {
    return [...new Set(findings.filter((f) => f.assertion === "present").map((f) => f.hpo))].join("\n");
  }
  if (kind === "bc8") {
    const one = state.text.replace(/\s/g, " ");
    const rows = findings.filter((f) => f.assertion === "present")
      .map((f) => [state.id, one, f.hpo, f.spans.map(([s, e]) => s + "-" + e).join(",")].join("\t"));
    return ["ObservationID\tText\tHPO Term\tSpans", ...(rows.length ? rows : [[state.id, one, "NA", "NA"].join("\t")])].join("\n");
  }
  // A Phenopacket v2: present and negated findings of the patient, one feature per id and assertion.
  const seen = new Set();
  const features = [];
  findings.filter((f) => f.assertion === "present" || f.assertion === "negated").forEach((f) => {
    const key = f.hpo + " " + f.assertion;
    if (!seen.has(key)) {
      seen.add(key);
      const feature = { type: { id: f.hpo, label: f.label } };
      if (f.assertion === "negated") {
        feature.excluded = true;
      }
      features.push(feature);
    }
  });
  return JSON.stringify({
    id: state.id,
    subject: { id: state.id },
    phenotypicFeatures: features,
    metaData: {
      created: new Date().toISOString(),
      createdBy: "hpolink review page",
      resources: [{ id: "hp", name: "human phenotype ontology", url: "http://purl.obolibrary.org/obo/hp.owl",
        version: window.hpoRelease || "", namespacePrefix: "HP", iriPrefix: "http://purl.obolibrary.org/obo/HP_" }],
      phenopacketSchemaVersion: "2.0"
    }
  }, null, 2);
}

function showExport(kind) {
  const out = $("export");
  out.textContent = exported(kind);
  out.hidden = false;
  out.dataset.kind = kind;
}

// The reviewed findings, with their text, appended to the service's corrections file for training.
async function save() {
  const document = reviewed().documents[0];
  try {
    const body = await call("/v1/corrections", { method: "POST", headers: headers(true),
      body: JSON.stringify({ documents: [{ id: document.id, text: state.text, findings: document.findings }] }) });
    status("Saved as a correction: " + body.rows + " rows in " + body.file + (body.leftOut ? ", " + body.leftOut + " findings that are not the patient's left out" : "") + ".");
  } catch (e) {
    status("Error: " + e.message);
  }
}

async function loadRelease() {
  try {
    const body = await call("/v1/version", { headers: headers(false) });
    window.hpoRelease = body.hpo;
  } catch (e) {
    // with a token the version needs it too; the release is filled in once the token is given
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("token").value = sessionStorage.getItem("hpolink-token") || "";
  $("token").addEventListener("change", () => { sessionStorage.setItem("hpolink-token", $("token").value.trim()); loadRelease(); });
  $("annotate").addEventListener("click", annotate);
  $("add").addEventListener("click", addFromSelection);
  $("search").addEventListener("input", search);
  $("search-cancel").addEventListener("click", closeSearch);
  $("export-json").addEventListener("click", () => showExport("json"));
  $("export-phenopacket").addEventListener("click", () => showExport("phenopacket"));
  $("export-bc8").addEventListener("click", () => showExport("bc8"));
  $("export-ids").addEventListener("click", () => showExport("ids"));
  $("save").addEventListener("click", save);
  loadRelease();
});
