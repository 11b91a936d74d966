// The Templates page: message templates and canned replies, a text per channel with a fallback, the variables
// their texts use, and a preview against sample variables. "#/templates/reminder" opens that template.
import { api, channelLabel, el, query, showError, withButton } from "../lib.js";
import { clearFieldErrors, confirmAction, formField, showFieldError, typedVariables, variableFields } from "./forms.js";

const KINDS = { message: "Message", canned_reply: "Canned reply" };
const KIND_FILTERS = { "": "All kinds", message: "Messages", canned_reply: "Canned replies" };

// The templates module's placeholder, {{customer.name}}: the variables show while the text is typed, before it is saved.
const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*}}/g;

// The texts in the order the API lists their variables: the variants by channel id, then the fallback.
const TEXT_FIELDS = ["tpl-email-subject", "tpl-email-body", "tpl-sms-body", "tpl-fallback-subject", "tpl-fallback-body"];

const page = { container: null, kind: "" };

export default {
  id: "templates",
  title: "Templates",
  role: "admin",
  show(container, [name]) {
    page.container = container;
    const kindFilter = el("select", { id: "tpl-kind-filter", onchange: (e) => { page.kind = e.target.value; loadList(); } },
      ...Object.entries(KIND_FILTERS).map(([value, label]) => el("option", { value, text: label })));
    kindFilter.value = page.kind;
    container.replaceChildren(
      el("h1", { class: "page-title", text: "Templates" }),
      el("div", { class: "page-toolbar" },
        el("label", { class: "visually-hidden", for: "tpl-kind-filter", text: "Kind" }), kindFilter,
        el("button", { type: "button", id: "tpl-new", class: "btn btn-primary", text: "New template", onclick: () => openEditor(null) })),
      el("div", { id: "tpl-error", class: "banner banner-error", role: "alert", hidden: true }),
      el("div", { class: "templates-layout" },
        el("section", { class: "templates-list", "aria-label": "Templates" },
          el("div", { class: "table-wrap" }, el("table", { class: "table", id: "tpl-table" },
            el("thead", {}, el("tr", {}, ...["Name", "Kind", "Channels", "Variables"].map((h) => el("th", { text: h })))),
            el("tbody", { id: "tpl-rows" }))),
          el("p", { id: "tpl-empty", class: "empty", hidden: true, text: "No templates yet." })),
        el("section", { id: "tpl-editor", class: "templates-editor", "aria-label": "Template" })));
    loadList();
    if (name) loadTemplate(name);
    else closeEditor();
  },
};

const $ = (id) => page.container.querySelector("#" + id);

async function loadList() {
  try {
    const { templates } = await api("/templates" + query({ kind: page.kind }));
    $("tpl-rows").replaceChildren(...templates.map(templateRow));
    $("tpl-empty").hidden = templates.length > 0;
    showError($("tpl-error"), null);
  } catch (e) {
    showError($("tpl-error"), e.message);
  }
}

function templateRow(t) {
  const channels = Object.keys(t.variants).map(channelLabel).concat(t.fallback ? ["Fallback"] : []);
  return el("tr", { "data-template": t.name, "data-kind": t.kind },
    el("td", {}, el("a", { href: "#/templates/" + encodeURIComponent(t.name), class: "tpl-name", text: t.name })),
    el("td", {}, el("span", { class: "chip chip-kind", "data-kind": t.kind, text: KINDS[t.kind] || t.kind })),
    el("td", { class: "tpl-channels", text: channels.join(", ") }),
    el("td", {}, variableChips(t.variables)));
}

function variableChips(paths) {
  return el("span", { class: "tpl-variables" }, ...paths.map((p) => el("code", { class: "tpl-variable", text: p })));
}

async function loadTemplate(name) {
  try {
    const { template } = await api("/templates/" + encodeURIComponent(name));
    openEditor(template);
  } catch (e) {
    showError($("tpl-error"), e.message);
    closeEditor();
  }
}

/** Puts {@code hash} in the address without showing the page afresh, as a hash change would; not once the page is left. */
function showInAddress(hash) {
  if (!page.container.hidden) history.replaceState(null, "", hash);
}

function closeEditor() {
  showInAddress("#/templates");
  $("tpl-editor").replaceChildren(el("div", { class: "card placeholder", text: "Pick a template to edit it, or create a new one." }));
}

// ------------------------------------------------------------------ editor

function textInput(id, field, value, attrs = {}) {
  return el("input", { id, "data-field": field, autocomplete: "off", spellcheck: "false", ...attrs, value: value || "" });
}

function textArea(id, field, value) {
  const area = el("textarea", { id, "data-field": field, rows: "3" });
  area.value = value || "";
  return area;
}

/** The editor of {@code template}, or of a new one when it is null; a saved template also gets its preview. */
function openEditor(template) {
  const saved = template !== null;
  showInAddress(saved ? "#/templates/" + encodeURIComponent(template.name) : "#/templates");
  const variant = (channel) => (saved && template.variants[channel]) || {};
  const fallback = (saved && template.fallback) || {};
  const kind = el("select", { id: "tpl-kind", "data-field": "kind" },
    ...Object.entries(KINDS).map(([value, label]) => el("option", { value, text: label })));
  kind.value = saved ? template.kind : "message";
  const form = el("form", { id: "tpl-form", class: "form card", novalidate: true },
    el("h2", { text: saved ? template.name : "New template" }),
    el("div", { id: "tpl-form-error", class: "banner banner-error", role: "alert", hidden: true }),
    el("div", { class: "tpl-row" },
      formField("Name", textInput("tpl-name", "name", saved ? template.name : "", { readonly: saved, placeholder: "reminder" }),
        saved ? null : "Lower-case letters, digits, - _ and ."),
      formField("Kind", kind)),
    el("fieldset", { class: "tpl-variant" }, el("legend", { text: "SMS" }),
      formField("Text", textArea("tpl-sms-body", "variants.sms.body", variant("sms").body))),
    el("fieldset", { class: "tpl-variant" }, el("legend", { text: "Email" }),
      formField("Subject", textInput("tpl-email-subject", "variants.email.subject", variant("email").subject)),
      formField("Body", textArea("tpl-email-body", "variants.email.body", variant("email").body))),
    el("fieldset", { class: "tpl-variant" }, el("legend", { text: "Fallback" }),
      el("p", { class: "field-hint", text: "For a channel without its own text. Leave empty when every channel has one." }),
      formField("Subject", textInput("tpl-fallback-subject", "fallback.subject", fallback.subject)),
      formField("Body", textArea("tpl-fallback-body", "fallback.body", fallback.body))),
    el("div", { class: "field" }, el("span", { class: "field-label", text: "Variables" }),
      el("div", { id: "tpl-used-variables", "aria-live": "polite" }),
      el("p", { class: "field-hint", text: "Write {{customer.name}} in a text for a value given when it is sent." })),
    el("div", { class: "form-actions" },
      saved ? el("button", { type: "button", id: "tpl-delete", class: "btn", text: "Delete", onclick: (e) => deleteTemplate(e.currentTarget, template.name) }) : null,
      el("button", { type: "button", class: "btn btn-ghost", text: "Close", onclick: closeEditor }),
      el("button", { type: "submit", id: "tpl-save", class: "btn btn-primary", text: "Save" })));
  form.addEventListener("input", () => showUsedVariables(form));
  form.addEventListener("submit", (e) => { e.preventDefault(); saveTemplate(form, e.submitter || $("tpl-save")); });
  $("tpl-editor").replaceChildren(form, saved ? previewCard(template) : "");
  showUsedVariables(form);
  if (!saved) $("tpl-name").focus();
}

/** Every placeholder path the form's texts use, listed as the API lists them once saved. */
function showUsedVariables(form) {
  const paths = new Set();
  TEXT_FIELDS.forEach((id) => {
    for (const match of $(id).value.matchAll(PLACEHOLDER)) paths.add(match[1]);
  });
  $("tpl-used-variables").replaceChildren(paths.size ? variableChips([...paths])
    : el("span", { class: "field-hint", text: "None" }));
}

function templateBody() {
  const value = (id) => $(id).value;
  const variants = {};
  if (value("tpl-sms-body").trim()) variants.sms = { body: value("tpl-sms-body") };
  if (value("tpl-email-subject").trim() || value("tpl-email-body").trim()) {
    variants.email = { subject: value("tpl-email-subject"), body: value("tpl-email-body") };
  }
  const fallbackSubject = value("tpl-fallback-subject");
  const fallbackBody = value("tpl-fallback-body");
  const fallback = fallbackSubject.trim() || fallbackBody.trim() ? { subject: fallbackSubject.trim() ? fallbackSubject : null, body: fallbackBody } : null;
  return { name: value("tpl-name").trim(), kind: value("tpl-kind"), variants, fallback };
}

async function saveTemplate(form, button) {
  clearFieldErrors(form, $("tpl-form-error"));
  const body = templateBody();
  if (!body.name) { // an empty name would address the list route, not a template
    showFieldError(form, $("tpl-form-error"), { field: "name", message: "Give the template a name." });
    return;
  }
  button.disabled = true;
  try {
    const { template } = await api("/templates/" + encodeURIComponent(body.name), { method: "PUT", body });
    openEditor(template);
    await loadList();
  } catch (e) {
    showFieldError(form, $("tpl-form-error"), e);
  } finally {
    button.disabled = false;
  }
}

async function deleteTemplate(button, name) {
  const confirmed = await confirmAction(`Delete the template “${name}”? Campaigns and reminders that use it can no longer send it.`,
    "Delete template");
  if (!confirmed) return;
  const deleted = await withButton(button, $("tpl-form-error"), () => api("/templates/" + encodeURIComponent(name), { method: "DELETE" }));
  if (!deleted) return;
  closeEditor();
  await loadList();
}

// ------------------------------------------------------------------ preview

/** Renders the saved template for a channel against sample values; an empty value is left out, as missing. */
function previewCard(template) {
  // The fallback serves the channels without their own text.
  const channels = new Set([...Object.keys(template.variants), ...(template.fallback ? ["sms", "email"] : [])]);
  const channel = el("select", { id: "tpl-preview-channel", "data-field": "channel" },
    ...[...channels].map((c) => el("option", { value: c, text: channelLabel(c) })));
  const form = el("form", { id: "tpl-preview-form", class: "form card", novalidate: true },
    el("h2", { text: "Preview" }),
    el("div", { id: "tpl-preview-error", class: "banner banner-error", role: "alert", hidden: true }),
    formField("Channel", channel),
    ...variableFields(template.variables, "tpl-var-"),
    el("div", { class: "form-actions" }, el("button", { type: "submit", id: "tpl-preview", class: "btn", text: "Preview" })),
    el("div", { id: "tpl-preview-output", class: "tpl-preview-output", "aria-live": "polite", hidden: true }));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearFieldErrors(form, $("tpl-preview-error"));
    const output = $("tpl-preview-output");
    output.hidden = true;
    try {
      const rendered = await api("/templates/" + encodeURIComponent(template.name) + "/preview",
        { method: "POST", body: { channel: channel.value, variables: typedVariables(form) } });
      output.replaceChildren(
        rendered.subject ? el("p", { class: "tpl-preview-subject", id: "tpl-preview-subject", text: rendered.subject }) : "",
        el("p", { class: "tpl-preview-body", id: "tpl-preview-body", text: rendered.body }));
      output.hidden = false;
    } catch (error) {
      showFieldError(form, $("tpl-preview-error"), error);
    }
  });
  return form;
}
