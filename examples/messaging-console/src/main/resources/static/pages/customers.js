// Customers: everyone who wrote or was written to, searchable by name, number, address and tag; a profile shows
// every conversation on every channel, the opt-out state per channel, tags and time zone.
import { $, api, channelLabel, el, query, relativeTime, showError, withButton } from "../lib.js";

const PAGE_SIZE = 50;
const OPT_OUT_CHANNELS = ["sms", "whatsapp", "email"];

let list = { contacts: [], nextCursor: null };

export default {
  id: "customers",
  title: "Customers",
  role: "admin",
  show(container, [contactId]) {
    if (contactId) showProfile(container, contactId);
    else showList(container);
  },
};

// ------------------------------------------------------------------ list

function showList(container) {
  const search = el("input", { type: "search", id: "customer-search", placeholder: "Name, phone or email", autocomplete: "off" });
  const tag = el("input", { id: "customer-tag", placeholder: "vip", autocomplete: "off" });
  const channel = el("select", { id: "customer-channel" }, el("option", { value: "", text: "Any channel" }),
    ...["sms", "email", "voice", "whatsapp"].map((c) => el("option", { value: c, text: channelLabel(c) })));
  const optedOut = el("input", { type: "checkbox", id: "customer-opted-out" });
  const error = el("div", { class: "banner banner-error", role: "alert", hidden: true });
  const body = el("tbody", { id: "customer-rows" });
  const more = el("button", { type: "button", class: "btn btn-ghost", id: "customers-more", text: "Load more", hidden: true });
  const empty = el("p", { class: "empty", id: "customers-empty", text: "No customers match.", hidden: true });
  const filters = () => ({ q: search.value.trim(), tag: tag.value.split(",").map((t) => t.trim()).filter(Boolean),
    channel: channel.value, opted_out: optedOut.checked ? "true" : "", page_size: PAGE_SIZE });

  async function load(cursor) {
    try {
      const page = await api("/contacts" + query({ ...filters(), cursor }));
      list = { contacts: cursor ? list.contacts.concat(page.contacts) : page.contacts, nextCursor: page.next_cursor };
      body.replaceChildren(...list.contacts.map(customerRow));
      empty.hidden = list.contacts.length > 0;
      more.hidden = !list.nextCursor;
      showError(error, null);
    } catch (e) {
      showError(error, e.message);
    }
  }

  let typing = null;
  const reload = () => { clearTimeout(typing); typing = setTimeout(() => load(null), 250); };
  search.addEventListener("input", reload);
  tag.addEventListener("input", reload);
  channel.addEventListener("change", () => load(null));
  optedOut.addEventListener("change", () => load(null));
  more.addEventListener("click", () => load(list.nextCursor));

  container.replaceChildren(
    el("h1", { class: "page-title", text: "Customers" }),
    el("form", { class: "page-toolbar", role: "search", onsubmit: (e) => e.preventDefault() },
      field("Search", search), field("Tags (comma separated)", tag), field("Channel", channel),
      el("label", { class: "toggle" }, optedOut, " Opted out")),
    error,
    el("div", { class: "table-wrap" }, el("table", { class: "table customers-table" },
      el("thead", {}, el("tr", {}, ...["Customer", "Channels", "Tags", "Conversations", "Last activity"].map((h) => el("th", { scope: "col", text: h })))),
      body)),
    empty, more);
  load(null);
}

function field(label, input) {
  return el("label", { class: "toolbar-field" }, el("span", { text: label }), input);
}

function customerRow(c) {
  const name = c.name || c.phone || c.email || "Unknown";
  return el("tr", { class: "customer-row", "data-contact-id": c.id },
    el("td", {}, el("a", { href: "#/customers/" + encodeURIComponent(c.id), class: "customer-name", text: name }),
      el("div", { class: "hint", text: [c.phone, c.email].filter(Boolean).join(" · ") })),
    el("td", {}, ...c.channels.map((ch) => channelChip(ch, c.opted_out.includes(ch)))),
    el("td", {}, ...c.tags.map((t) => el("span", { class: "tag", text: t }))),
    el("td", { class: "numeric", text: String(c.conversation_count) }),
    el("td", {}, c.last_activity_at ? el("time", { datetime: c.last_activity_at, text: relativeTime(c.last_activity_at) }) : "–"));
}

function channelChip(channel, optedOut) {
  return el("span", { class: "chip" + (optedOut ? " chip-opted-out" : ""), "data-channel": channel,
    title: optedOut ? "Opted out of " + channelLabel(channel) : null,
    text: channelLabel(channel) + (optedOut ? " · opted out" : "") });
}

// ------------------------------------------------------------------ profile

async function showProfile(container, id) {
  const error = el("div", { class: "banner banner-error", role: "alert", hidden: true });
  container.replaceChildren(el("p", { class: "hint", text: "Loading…" }));
  try {
    const detail = await api("/contacts/" + encodeURIComponent(id));
    container.replaceChildren(el("a", { href: "#/customers", class: "back-link", text: "← Customers" }),
      profile(detail, error, () => showProfile(container, id)));
  } catch (e) {
    container.replaceChildren(el("a", { href: "#/customers", class: "back-link", text: "← Customers" }), error);
    showError(error, e.message);
  }
}

function profile({ contact: c, conversations }, error, reload) {
  const address = c.phone || c.email;
  const save = (change, button) => withButton(button, error, async () => {
    await api("/contacts/profile", { method: "PATCH", body: { address, ...change } });
    reload();
  });

  const newTag = el("input", { id: "profile-new-tag", placeholder: "Add a tag", autocomplete: "off", "aria-label": "New tag" });
  const addTag = el("button", { type: "submit", class: "btn", id: "profile-add-tag", text: "Add" });
  const zone = el("input", { id: "profile-time-zone", value: c.time_zone || "", placeholder: "e.g. America/New_York",
    list: "time-zones", autocomplete: "off" });
  const saveZone = el("button", { type: "submit", class: "btn", id: "profile-save-zone", text: "Save" });
  const zones = el("datalist", { id: "time-zones" },
    ...(Intl.supportedValuesOf ? Intl.supportedValuesOf("timeZone") : []).map((z) => el("option", { value: z })));

  return el("div", { class: "profile" },
    el("h1", { class: "page-title", id: "profile-name", text: c.name || address || "Unknown" }),
    error,
    el("div", { class: "cards" },
      el("section", { class: "card", "aria-labelledby": "profile-contact" },
        el("h2", { id: "profile-contact", text: "Contact" }),
        el("dl", { class: "facts" },
          el("dt", { text: "Phone" }), el("dd", { id: "profile-phone", text: c.phone || "–" }),
          el("dt", { text: "Email" }), el("dd", { id: "profile-email", text: c.email || "–" }),
          el("dt", { text: "Conversations" }), el("dd", { text: String(c.conversation_count) }))),
      el("section", { class: "card", "aria-labelledby": "profile-consent" },
        el("h2", { id: "profile-consent", text: "Messages allowed" }),
        el("ul", { class: "consent", id: "profile-opt-outs" }, ...OPT_OUT_CHANNELS
          .filter((ch) => (ch === "email" ? c.email : c.phone))
          .map((ch) => {
            const out = c.opted_out.includes(ch);
            return el("li", { "data-channel": ch, "data-opted-out": String(out) },
              el("span", { text: channelLabel(ch) }),
              el("strong", { class: out ? "consent-out" : "consent-in", text: out ? "Opted out" : "Subscribed" }));
          }))),
      el("section", { class: "card", "aria-labelledby": "profile-tags-title" },
        el("h2", { id: "profile-tags-title", text: "Tags" }),
        el("div", { class: "tags", id: "profile-tags" }, ...c.tags.map((t) => el("span", { class: "tag", "data-tag": t }, t,
          el("button", { type: "button", class: "tag-remove", "aria-label": "Remove tag " + t, text: "×",
            onclick: (e) => save({ remove_tags: [t] }, e.currentTarget) })))),
        el("form", { class: "inline-form", onsubmit: (e) => { e.preventDefault(); if (newTag.value.trim()) save({ add_tags: [newTag.value.trim()] }, addTag); } },
          newTag, addTag)),
      el("section", { class: "card", "aria-labelledby": "profile-zone-title" },
        el("h2", { id: "profile-zone-title", text: "Time zone" }),
        el("p", { class: "hint", text: "Reminders and campaigns arrive in the customer's local hours." }),
        el("form", { class: "inline-form", onsubmit: (e) => { e.preventDefault(); save({ time_zone: zone.value.trim() || null }, saveZone); } },
          el("label", { class: "visually-hidden", for: "profile-time-zone", text: "Time zone" }), zone, saveZone, zones))),
    el("h2", { class: "section-title", text: "Conversations" }),
    el("ul", { class: "profile-conversations", id: "profile-conversations" }, ...conversations.map(conversationLink)));
}

function conversationLink(c) {
  return el("li", { "data-conversation-id": c.id },
    el("a", { href: "#/c/" + encodeURIComponent(c.id) },
      el("span", { class: "chip", "data-channel": c.channel, text: channelLabel(c.channel) }),
      el("span", { class: "chip chip-status", "data-status": c.status, text: c.status }),
      el("span", { class: "profile-headline", text: c.subject || c.headline || c.last_message || "" }),
      el("time", { datetime: c.last_activity_at, text: relativeTime(c.last_activity_at) })));
}
