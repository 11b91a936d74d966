// The Campaigns page: campaigns newest first with their progress, a new campaign from a template and a segment of
// tagged contacts, and a campaign's recipients as they are sent ("#/campaigns/<id>"), with start, pause, resume, cancel.
import { api, channelLabel, clockTime, el, onStreamEvent, query, relativeTime, showError, state } from "../lib.js";
import { clearFieldErrors, confirmAction, formField, showFieldError, typedVariables, variableFields } from "./forms.js";

// Campaign messages are paced (a rate per minute, quiet hours), so a running campaign is also read at this interval.
const POLL_MS = 4000;
const CONTACT_PAGE_SIZE = 100;
const AUDIENCE_NAMES_SHOWN = 5;
const CHANNELS = ["sms", "email"];

// Which actions each campaign status allows, as the campaigns module enforces them (anything else is a 409).
const ACTIONS = {
  draft: ["start", "cancel"], running: ["pause", "cancel"], paused: ["resume", "cancel"], completed: [], canceled: [],
};

let container = null;
// The list or campaign on screen, kept current until another page or campaign is shown.
let followed = { stop() {}, refresh: async () => {} };

export default {
  id: "campaigns",
  title: "Campaigns",
  role: "admin",
  show(pageContainer, [id]) {
    container = pageContainer;
    followed.stop();
    if (id) showCampaign(id);
    else showList();
  },
};

const $ = (id) => container.querySelector("#" + id);

function statusChip(status, id) {
  return el("span", { class: "chip chip-status cmp-status", id, "data-status": status, text: status });
}

/** How far a campaign got: "2 of 3 sent", with what did not go out. */
function progressText(p) {
  const extra = [["failed", p.failed], ["skipped", p.skipped], ["canceled", p.canceled]]
    .filter(([, n]) => n > 0).map(([label, n]) => `${n} ${label}`);
  return `${p.sent} of ${p.total} sent` + (extra.length ? " · " + extra.join(", ") : "");
}

function progressBar(p) {
  return el("progress", { class: "cmp-bar", max: String(Math.max(p.total, 1)), value: String(p.sent + p.failed + p.skipped + p.canceled),
    "aria-hidden": "true" });
}

// ------------------------------------------------------------------ list

function showList() {
  container.replaceChildren(
    el("h1", { class: "page-title", text: "Campaigns" }),
    el("div", { class: "page-toolbar" },
      el("button", { type: "button", id: "cmp-new", class: "btn btn-primary", text: "New campaign", onclick: openNewForm })),
    el("div", { id: "cmp-error", class: "banner banner-error", role: "alert", hidden: true }),
    el("div", { id: "cmp-new-slot" }),
    el("div", { class: "table-wrap" }, el("table", { class: "table cmp-table" },
      el("thead", {}, el("tr", {}, ...["Campaign", "Status", "Progress", "Template", "Created"].map((h) => el("th", { text: h })))),
      el("tbody", { id: "cmp-rows" }))),
    el("p", { id: "cmp-empty", class: "empty", hidden: true, text: "No campaigns yet." }));
  keepCurrent(container.querySelector(".cmp-table"), readCampaigns, (details) => {
    $("cmp-rows").replaceChildren(...details.map(campaignRow));
    $("cmp-empty").hidden = details.length > 0;
    const running = details.some(({ campaign }) => campaign.status === "running");
    return { running, concerns: (name, payload) => running && Boolean(payload.message_id) };
  });
}

/** Every campaign with its progress, newest first; null when they could not be read (the error is shown). */
async function readCampaigns() {
  try {
    const { campaigns } = await api("/campaigns");
    // The list carries no progress: each campaign's is read with it.
    return await Promise.all(campaigns.map((c) => api("/campaigns/" + encodeURIComponent(c.id))));
  } catch (e) {
    showError($("cmp-error"), e.message);
    return null;
  }
}

function campaignRow({ campaign: c, progress: p }) {
  return el("tr", { "data-campaign-id": c.id, "data-status": c.status },
    el("td", {}, el("a", { class: "cmp-name", href: "#/campaigns/" + encodeURIComponent(c.id), text: c.name }),
      el("span", { class: "chip", "data-channel": c.channel, text: channelLabel(c.channel) })),
    el("td", {}, statusChip(c.status)),
    el("td", { class: "cmp-progress-cell" }, progressBar(p), el("span", { class: "cmp-progress-text", text: progressText(p) })),
    el("td", { text: c.template }),
    el("td", {}, el("time", { datetime: c.created_at, "data-relative": c.created_at, text: relativeTime(c.created_at) })));
}

// ------------------------------------------------------------------ new campaign

async function openNewForm() {
  let templates;
  try {
    templates = (await api("/templates" + query({ kind: "message" }))).templates;
  } catch (e) {
    showError($("cmp-error"), e.message);
    return;
  }
  if (templates.length === 0) {
    $("cmp-new-slot").replaceChildren(el("p", { class: "card cmp-no-templates" }, "Campaigns send a message template: ",
      el("a", { href: "#/templates", text: "create one first" }), "."));
    return;
  }
  const template = el("select", { id: "cmp-template", "data-field": "template" },
    ...templates.map((t) => el("option", { value: t.name, text: t.name })));
  const channel = el("select", { id: "cmp-channel", "data-field": "channel" },
    ...CHANNELS.map((c) => el("option", { value: c, text: channelLabel(c) })));
  const marketing = el("input", { type: "checkbox", id: "cmp-marketing", "data-field": "marketing", checked: true });
  const form = el("form", { id: "cmp-form", class: "form card cmp-form", novalidate: true },
    el("h2", { text: "New campaign" }),
    el("div", { id: "cmp-form-error", class: "banner banner-error", role: "alert", hidden: true }),
    formField("Name", el("input", { id: "cmp-name", "data-field": "name", autocomplete: "off", placeholder: "December offer" })),
    el("div", { class: "cmp-row" }, formField("Template", template), formField("Channel", channel)),
    formField("Contacts tagged", el("input", { id: "cmp-tags", "data-field": "segment", autocomplete: "off", placeholder: "vip, spring-list" }),
      "Contacts carrying every tag, separated by commas. Empty: everyone with a conversation on the channel."),
    el("p", { id: "cmp-audience", class: "cmp-audience", role: "status", "aria-live": "polite" }),
    el("label", { class: "toggle cmp-marketing" }, marketing,
      " Marketing: held back during quiet hours, in each recipient's time zone"),
    el("div", { id: "cmp-quiet-hours", class: "field cmp-row", "data-field": "quiet_hours" },
      formField("Send from", el("input", { id: "cmp-from", "data-field": "quiet_hours.allowed_from", placeholder: "HH:MM", inputmode: "numeric", autocomplete: "off" })),
      formField("Until", el("input", { id: "cmp-until", "data-field": "quiet_hours.allowed_until", placeholder: "HH:MM", inputmode: "numeric", autocomplete: "off" }),
        "Leave both empty for the usual hours.")),
    el("fieldset", { id: "cmp-variables", class: "cmp-variables" }),
    el("div", { class: "form-actions" },
      el("button", { type: "button", class: "btn btn-ghost", text: "Cancel", onclick: () => $("cmp-new-slot").replaceChildren() }),
      el("button", { type: "submit", id: "cmp-create", class: "btn btn-primary", text: "Create campaign" })));
  const byName = new Map(templates.map((t) => [t.name, t]));
  template.addEventListener("change", () => showVariables(byName.get(template.value)));
  marketing.addEventListener("change", () => { $("cmp-quiet-hours").hidden = !marketing.checked; });
  let countTimer = null;
  const recount = () => { clearTimeout(countTimer); countTimer = setTimeout(countAudience, 250); };
  $("cmp-new-slot").replaceChildren(form);
  $("cmp-tags").addEventListener("input", recount);
  channel.addEventListener("change", recount);
  form.addEventListener("submit", (e) => { e.preventDefault(); createCampaign(form); });
  showVariables(byName.get(template.value));
  countAudience();
  $("cmp-name").focus();
}

/** An input for each of the template's variables: shared values; a customer's own name, phone or email wins. */
function showVariables(template) {
  const fields = variableFields(template.variables, "cmp-var-",
    (path) => (path.startsWith("customer.") ? "Used for contacts without their own" : null));
  $("cmp-variables").replaceChildren(el("legend", { text: "Variables" }),
    ...(fields.length ? fields : [el("p", { class: "field-hint", text: "This template uses no variables." })]));
}

function tags() {
  return $("cmp-tags").value.split(",").map((t) => t.trim()).filter(Boolean);
}

/**
 * Counts the contacts the segment will pick, as the campaigns module picks them: the tagged contacts (without tags,
 * those with a conversation on the channel) that have an address on the channel; opted-out ones are skipped at start.
 */
async function countAudience() {
  const channel = $("cmp-channel").value;
  const line = $("cmp-audience");
  const tagged = tags();
  const names = [];
  let optedOut = 0;
  try {
    let cursor = null;
    do {
      const page = await api("/contacts" + query({ tag: tagged, channel: tagged.length ? null : channel, page_size: CONTACT_PAGE_SIZE, cursor }));
      for (const contact of page.contacts) {
        const address = channel === "email" ? contact.email : contact.phone;
        if (!address) continue;
        names.push(contact.name || address);
        if (contact.opted_out.includes(channel)) optedOut += 1;
      }
      cursor = page.next_cursor;
    } while (cursor);
  } catch (e) {
    delete line.dataset.count;
    line.textContent = e.message;
    return;
  }
  if (channel !== $("cmp-channel").value || tagged.join() !== tags().join()) return; // typed on meanwhile
  line.dataset.count = String(names.length);
  const shown = names.slice(0, AUDIENCE_NAMES_SHOWN).join(", ") + (names.length > AUDIENCE_NAMES_SHOWN ? ` and ${names.length - AUDIENCE_NAMES_SHOWN} more` : "");
  line.textContent = names.length === 0 ? "No contact matches."
    : `${names.length} ${names.length === 1 ? "contact matches" : "contacts match"}: ${shown}.`
      + (optedOut ? ` ${optedOut} opted out, skipped when it starts.` : "");
}

async function createCampaign(form) {
  clearFieldErrors(form, $("cmp-form-error"));
  const marketing = $("cmp-marketing").checked;
  const from = $("cmp-from").value;
  const until = $("cmp-until").value;
  const body = {
    name: $("cmp-name").value.trim(),
    template: $("cmp-template").value,
    channel: $("cmp-channel").value,
    marketing,
    variables: typedVariables(form),
    default_time_zone: state.timeZone,
    quiet_hours: marketing && (from || until) ? { allowed_from: from || null, allowed_until: until || null } : null,
    segment: { tags: tags() },
  };
  const button = $("cmp-create");
  button.disabled = true;
  try {
    const { campaign } = await api("/campaigns", { method: "POST", body });
    window.location.hash = "#/campaigns/" + encodeURIComponent(campaign.id);
  } catch (e) {
    showFieldError(form, $("cmp-form-error"), e);
  } finally {
    button.disabled = false;
  }
}

// ------------------------------------------------------------------ one campaign

function showCampaign(id) {
  const button = (action, label) => el("button", { type: "button", id: "cmp-" + action, class: "btn cmp-action", "data-action": action,
    text: label, disabled: true, onclick: (e) => act(id, action, e.currentTarget) });
  const view = el("div", { class: "cmp-detail", "data-campaign-id": id },
    el("a", { href: "#/campaigns", class: "cmp-back", text: "← Campaigns" }),
    el("div", { class: "cmp-head" },
      el("h1", { class: "page-title", id: "cmp-title", text: "Campaign" }),
      statusChip("", "cmp-status")),
    el("p", { id: "cmp-meta", class: "cmp-meta" }),
    el("div", { class: "page-toolbar", role: "toolbar", "aria-label": "Campaign actions" },
      button("start", "Start"), button("pause", "Pause"), button("resume", "Resume"), button("cancel", "Cancel campaign")),
    el("div", { id: "cmp-detail-error", class: "banner banner-error", role: "alert", hidden: true }),
    el("section", { class: "cmp-progress card", "aria-label": "Progress" },
      el("div", { class: "cmp-progress-head" }, el("strong", { id: "cmp-progress-text" }), el("span", { id: "cmp-progress-bar" })),
      el("dl", { id: "cmp-counts", class: "cmp-counts" })),
    el("div", { class: "table-wrap" }, el("table", { class: "table cmp-recipients" },
      el("thead", {}, el("tr", {}, ...["Recipient", "Status", "Time zone", "Send at"].map((h) => el("th", { text: h })))),
      el("tbody", { id: "cmp-recipients" }))));
  container.replaceChildren(view);
  const messageIds = new Set();
  keepCurrent(view, () => readCampaign(id), ({ campaign, progress, recipients }) => {
    renderCampaign(campaign, progress);
    $("cmp-recipients").replaceChildren(...recipients.map(recipientRow));
    recipients.forEach((r) => { if (r.message_id) messageIds.add(r.message_id); });
    const running = campaign.status === "running";
    // A message created while it runs may be the first of a recipient whose id is not known yet.
    return { running, concerns: (name, payload) => messageIds.has(payload.message_id) || (running && name === "message.created") };
  });
}

/**
 * Keeps {@code view} current until another page or campaign is shown: {@code read()} answers what to show (null when it
 * could not be read), {@code render(shown)} shows it and answers whether a campaign is running (then it is read again
 * every few seconds, since campaign messages are paced) and which live events concern it (then it is read again soon).
 */
function keepCurrent(view, read, render) {
  let shownState = { running: false, concerns: () => false };
  let reads = 0;
  let refreshTimer = null;
  const refresh = async () => {
    if (!view.isConnected || container.hidden) { stop(); return; }
    const mine = ++reads;
    const shown = await read();
    // Reads overlap (an event, the poll, an action): only the latest one started is shown.
    if (shown && mine === reads) shownState = render(shown);
  };
  const unsubscribe = onStreamEvent((name, payload) => {
    if (!shownState.concerns(name, payload)) return;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 250);
  });
  const poll = setInterval(() => { if (shownState.running) refresh(); }, POLL_MS);
  function stop() {
    unsubscribe();
    clearInterval(poll);
    clearTimeout(refreshTimer);
  }
  followed = { stop, refresh };
  refresh();
}

/** The campaign, its progress and its recipients; null when they could not be read (the error is shown). */
async function readCampaign(id) {
  try {
    const path = "/campaigns/" + encodeURIComponent(id);
    const [{ campaign, progress }, { recipients }] = await Promise.all([api(path), api(path + "/recipients")]);
    return { campaign, progress, recipients };
  } catch (e) {
    showError($("cmp-detail-error"), e.message);
    return null;
  }
}

function renderCampaign(c, p) {
  $("cmp-title").textContent = c.name;
  const status = $("cmp-status");
  status.textContent = c.status;
  status.dataset.status = c.status;
  $("cmp-meta").replaceChildren(
    el("span", { class: "chip", "data-channel": c.channel, text: channelLabel(c.channel) }),
    ` Template ${c.template} · `,
    c.marketing ? `Marketing, sent ${c.quiet_hours.allowed_from}–${c.quiet_hours.allowed_until} in each recipient's time zone`
      : "Service message, sent at any hour",
    ` · default time zone ${c.default_time_zone} · created ${clockTime(c.created_at)}`);
  for (const button of container.querySelectorAll(".cmp-action")) {
    button.disabled = !(ACTIONS[c.status] || []).includes(button.dataset.action);
  }
  $("cmp-progress-text").textContent = progressText(p);
  $("cmp-progress-bar").replaceChildren(progressBar(p));
  $("cmp-counts").replaceChildren(...["total", "pending", "scheduled", "sent", "failed", "skipped", "canceled", "replied"]
    .map((key) => el("div", { class: "cmp-count", "data-count": key },
      el("dt", { text: key }), el("dd", { id: "cmp-count-" + key, text: String(p[key]) }))));
}

function recipientRow(r) {
  return el("tr", { "data-contact-id": r.contact_id, "data-status": r.status },
    el("td", {}, el("span", { class: "cmp-recipient-name", text: r.name || r.address }),
      r.name ? el("span", { class: "cmp-recipient-address", text: r.address }) : null),
    el("td", {}, statusChip(r.status), r.reason ? el("span", { class: "cmp-reason", text: r.reason.replace(/_/g, " ") }) : null,
      r.replied_at ? el("span", { class: "cmp-replied", text: "replied " + relativeTime(r.replied_at) }) : null),
    el("td", { class: "cmp-zone", text: r.time_zone, title: "from the " + r.time_zone_source.replace(/_/g, " ") }),
    el("td", {}, r.send_at ? el("time", { datetime: r.send_at, text: clockTime(r.send_at) }) : "–"));
}

async function act(id, action, button) {
  if (action === "cancel" && !(await confirmAction("Cancel this campaign? Messages not sent yet are dropped, for good.", "Cancel campaign"))) {
    return;
  }
  button.disabled = true;
  try {
    await api("/campaigns/" + encodeURIComponent(id) + "/" + action, { method: "POST" });
    showError($("cmp-detail-error"), null);
  } catch (e) {
    showError($("cmp-detail-error"), e.message);
  }
  await followed.refresh();
}
